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

// adapter-node 6 reads no ORIGIN of its own; the server hands it over (decision 015).
test('ORIGIN given at start is the origin the server checks writes against, whatever headers a client sends', async ({
	request
}) => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-origin-'));
	const origin = 'https://panelist.example.com';
	const server = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			DATABASE_PATH: path.join(dir, 'new.db'),
			PORT: '0',
			HOST: '127.0.0.1',
			ORIGIN: origin
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	try {
		const base = await new Promise<string>((resolve, reject) => {
			let output = '';
			server.stdout.on('data', (d) => {
				output += d;
				const listening = /Listening on (http:\/\/\S+)/.exec(output);
				if (listening) resolve(listening[1]!);
			});
			server.on('close', (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
		});
		const write = (headers: Record<string, string>) =>
			request.post(`${base}/api/v1/users`, {
				headers: { 'content-type': 'application/json', ...headers },
				data: {}
			});

		// A write from ORIGIN passes the origin check (and meets a Panelist not set up yet)...
		expect((await write({ origin })).status()).toBe(503);
		// ...one from the address the server listens on does not: that is not its origin...
		expect((await write({ origin: base })).status()).toBe(403);
		// ...and no header a client sends makes another origin its own.
		const spoofed = {
			origin: 'https://evil.example',
			'x-panelist-origin-host': 'evil.example',
			'x-forwarded-host': 'evil.example'
		};
		expect((await write(spoofed)).status()).toBe(403);
		const page = await request.get(`${base}/setup`, { headers: { 'x-panelist-origin-protocol': 'http' } });
		expect(page.headers()['strict-transport-security']).toBe('max-age=31536000');
	} finally {
		server.kill();
	}
});
