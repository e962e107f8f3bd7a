import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../../src/lib/server/platform/db';

// Migrations are frozen: teaching them PostgreSQL must not change one byte of what they
// create on SQLite. The snapshot was taken before they learnt it.
it('creates exactly the SQLite schema it always has', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-schema-'));
	const db = openDatabase(path.join(dir, 'schema.db'));
	await migrateToLatest(db);
	const { rows } = await sql<{ sql: string | null }>`
		select type, name, tbl_name, sql from sqlite_master order by type, name
	`.execute(db);
	await db.destroy();
	fs.rmSync(dir, { recursive: true, force: true });
	await expect(JSON.stringify(rows, null, '\t') + '\n').toMatchFileSnapshot('./sqlite-schema.snapshot.json');
});
