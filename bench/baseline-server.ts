import http from 'node:http';
import Database from 'better-sqlite3';

// The baseline of the autosave benchmark: a bare node:http server doing the same
// single-row write through better-sqlite3 as PUT /api/v1/scorecards/{id}, with the same
// pragmas, and nothing else (no auth, no validation, no framework).

const [file, port] = [process.argv[2]!, Number(process.argv[3])];
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const save = db.prepare(
	'update scorecard set content = ?, version = version + 1, updated_at = ? where id = ? and version = ? returning version'
);

http
	.createServer((request, response) => {
		const id = Number(request.url!.split('/').pop());
		const version = Number((request.headers['if-match'] ?? '').replaceAll('"', ''));
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const content = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			const row = save.get(content, Date.now(), id, version) as { version: number } | undefined;
			response.writeHead(row ? 200 : 409, { 'content-type': 'application/json' });
			response.end(JSON.stringify(row ? { version: row.version } : { error: 'conflict' }));
		});
	})
	.listen(port, '127.0.0.1', () => process.send?.('ready'));
