// Loaded (node --import) into a server that a test starts by hand, to put its database in
// trouble for real: a pragma on the server's own connections, which no other connection can
// set for it. The test sends a message over the IPC channel and waits for the reply:
//   'full'     the database may not grow past its size now (max_page_count): SQLITE_FULL, as on a full disk
//   'space'    it may grow again
//   'readonly' every write fails with SQLITE_READONLY, an error the app does not expect
//   'writable' writes work again
import Database from 'better-sqlite3';

/** @type {Set<import('better-sqlite3').Database>} */
const connections = new Set();
const prepare = Database.prototype.prepare;
Database.prototype.prepare = /** @type {any} */ (
	function (/** @type {any[]} */ ...args) {
		connections.add(this);
		return prepare.apply(this, /** @type {any} */ (args));
	}
);

/** @type {Record<string, (db: import('better-sqlite3').Database) => void>} */
const switches = {
	full: (db) => {
		// No free pages left inside the file either, so anything that grows the data fails.
		db.exec('vacuum');
		db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
	},
	space: (db) => db.pragma('max_page_count = 1073741823'),
	readonly: (db) => db.pragma('query_only = 1'),
	writable: (db) => db.pragma('query_only = 0')
};

process.on('message', (message) => {
	const apply = switches[String(message)];
	for (const db of connections) if (db.open && apply) apply(db);
	process.send?.(apply ? `done ${message}` : `unknown ${message}`);
});
