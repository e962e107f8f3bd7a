import { spawnSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import base, { apiRateLimit, ports } from './playwright.config';

// The suite's PostgreSQL run (PANELIST_TEST_DATABASE_URL names the server; scripts/test.js runs
// it when the variable is set): the main journeys (scorecard with autosave and conflict,
// results, debrief, calibration) against one server on a PostgreSQL database of this run's own,
// and the specs that start two app instances on databases of their own (*.pg.spec.ts).

const server = process.env.PANELIST_TEST_DATABASE_URL;
if (!server) throw new Error('playwright.postgres.config.ts needs PANELIST_TEST_DATABASE_URL');

// Made once, by the runner (its workers inherit the variable); dropped by the teardown.
if (!process.env.PANELIST_E2E_DATABASE_URL) {
	const name = `panelist_e2e_${Date.now().toString(36)}_${process.pid}`;
	const made = spawnSync(
		process.execPath,
		['--import', 'tsx', 'tests/e2e/support/postgres-run.ts', 'create', name],
		{ stdio: 'inherit' }
	);
	if (made.status !== 0) throw new Error(`could not create the PostgreSQL database ${name}`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	process.env.PANELIST_E2E_DATABASE_URL = url.toString();
}
const database = process.env.PANELIST_E2E_DATABASE_URL;

export default defineConfig({
	...base,
	testMatch: [
		'**/*.pg.spec.ts',
		'**/scorecard.spec.ts',
		'**/scorecard-merge.spec.ts',
		'**/results.spec.ts',
		'**/calibration.spec.ts'
	],
	testIgnore: [],
	globalTeardown: './tests/e2e/support/postgres-teardown.ts',
	workers: 1,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e-postgres.json' }]],
	webServer: {
		command: 'node scripts/server.js',
		url: `http://localhost:${ports.app}/login`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			DATABASE_URL: database,
			PORT: String(ports.app),
			HOST: '::',
			ORIGIN: `http://localhost:${ports.app}`,
			TZ: 'UTC',
			API_RATE_LIMIT: String(apiRateLimit),
			RETENTION_JOB: 'off',
			// Seeded interviews lie in the past: reminders would start for each (decision 027).
			REMINDERS: 'off'
		}
	}
});
