import http from 'node:http';
import pg from 'pg';

// The autosave baseline on PostgreSQL: a bare node:http server doing the same single-row
// UPDATE as PUT /api/v1/scorecards/{id} through a pg pool of the app's size
// (DATABASE_POOL_MAX, default 10), and nothing else (no auth, no validation, no framework).

const [url, port] = [process.argv[2]!, Number(process.argv[3])];
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
const save =
	'update scorecard set content = $1, version = version + 1, updated_at = $2 where id = $3 and version = $4 returning version';

http
	.createServer((request, response) => {
		const id = Number(request.url!.split('/').pop());
		const version = Number((request.headers['if-match'] ?? '').replaceAll('"', ''));
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', async () => {
			const content = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			const { rows } = await pool.query<{ version: string }>(save, [content, Date.now(), id, version]);
			const row = rows[0];
			response.writeHead(row ? 200 : 409, { 'content-type': 'application/json' });
			response.end(JSON.stringify(row ? { version: Number(row.version) } : { error: 'conflict' }));
		});
	})
	.listen(port, '127.0.0.1', () => process.send?.('ready'));
