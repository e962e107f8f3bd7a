import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { attemptLogin, createLoginLimiters } from '../../../src/lib/server/auth/login';
import { openDatabase } from '../../../src/lib/server/platform/db';
import { databaseEnv, freshDatabaseLocation } from '../helpers/db';

// What only SQLite can do refuses on PostgreSQL, saying what to use instead; the generator
// reaches PostgreSQL by way of a SQLite file of its own.

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

	it('generates a synthetic organisation whose people sign in with its password', async () => {
		const location = await freshDatabaseLocation();
		const run = await cli(['generate', '--scorecards', '100', '--seed', '4'], location);
		expect(run.stderr).toMatch(/generate: checking and writing/);
		expect(run.code).toBe(0);

		const db = openDatabase(location);
		try {
			const cards = await db.selectFrom('scorecard').select('id').execute();
			expect(cards.length).toBeGreaterThanOrEqual(100);
			const signIn = await attemptLogin(db, createLoginLimiters(), {
				email: 'admin@generated.example',
				password: 'generated-org-password',
				clientAddress: 'test'
			});
			expect(signIn).toMatchObject({ ok: true, user: { role: 'admin' } });
		} finally {
			await db.destroy();
		}
		const again = await cli(['generate', '--scorecards', '100'], location);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/needs an empty database/);
	}, 60_000);
});
