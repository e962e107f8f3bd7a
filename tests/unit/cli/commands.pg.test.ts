import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { databaseEnv, freshDatabaseLocation } from '../helpers/db';

// What only SQLite can do refuses on PostgreSQL, saying what to use instead.

function cli(args: string[], location: string): Promise<{ code: number | null; stderr: string }> {
	const { DATABASE_URL: _url, DATABASE_PATH: _path, ...env } = process.env;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/panelist.js', ...args], {
			env: { ...env, ...databaseEnv(location) },
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr }));
	});
}

describe('panelist CLI on PostgreSQL', () => {
	it('refuses a backup and points to pg_dump or point-in-time recovery', async () => {
		const run = await cli(['backup', '/tmp/never-written.db'], await freshDatabaseLocation());
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/backup works on SQLite only\. On PostgreSQL, back up with pg_dump/);
	});

	it('refuses to generate a synthetic organisation and says how to get one there', async () => {
		const run = await cli(['generate', '--scorecards', '100'], await freshDatabaseLocation());
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/generate works on SQLite only\. .*`export` and `import`/);
	});
});
