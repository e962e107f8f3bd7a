import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test } from '@playwright/test';

// The built server, started by hand on a database it cannot migrate.
test('a failing migration stops start-up with a clear message and leaves the database as it was', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-startup-'));
	const file = path.join(dir, 'broken.db');
	const sqlite = new SQLite(file);
	sqlite.exec(
		'create table "user" (id integer primary key, note text); insert into "user" (note) values (\'kept\')'
	);
	sqlite.close();

	const server = spawn(process.execPath, ['scripts/server.js'], {
		env: { ...process.env, DATABASE_PATH: file, PORT: '4199', HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout.on('data', (d) => (output += d));
	server.stderr.on('data', (d) => (output += d));
	const code = await new Promise<number | null>((resolve) => server.on('close', resolve));

	expect(code).toBe(1);
	expect(output).toContain(`Panelist could not start with database ${file}`);
	expect(output).toMatch(
		/migration "001-accounts" failed: .*already exists\. The database was left unchanged\./
	);
	expect(output).not.toContain('Listening on');

	const after = new SQLite(file, { readonly: true });
	const tables = after.prepare("select name from sqlite_master where type = 'table' order by name").all();
	expect(tables).toEqual([{ name: 'user' }]);
	expect(after.prepare('select note from "user"').all()).toEqual([{ note: 'kept' }]);
	after.close();
});
