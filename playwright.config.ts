import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// One folder per run, shared by the runner and its workers (they inherit the environment).
process.env.PANELIST_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-e2e-'));
const dir = process.env.PANELIST_E2E_DIR;

// PANELIST_E2E_PORT moves both servers, so two checkouts can run their suites side by side.
const basePort = Number(process.env.PANELIST_E2E_PORT ?? 4173);
export const ports = { app: basePort, fresh: basePort + 1 };
export const e2eDatabase = path.join(dir, 'app.db');
export const apiRateLimit = 100;

// Debian's Chromium where it is installed (CI on these machines); otherwise Playwright's own.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = fs.existsSync(chromiumPath)
	? {
			executablePath: chromiumPath,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	: {};

function server(port: number, database: string) {
	return {
		command: 'node scripts/server.js',
		url: `http://localhost:${port}/login`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			DATABASE_PATH: database,
			PORT: String(port),
			HOST: '::',
			ORIGIN: `http://localhost:${port}`,
			TZ: 'UTC',
			// Low enough for a test to reach in a second; each test uses its own tokens.
			API_RATE_LIMIT: String(apiRateLimit),
			// Seeded histories reach back years: a retention run at start-up would anonymise them.
			RETENTION_JOB: 'off',
			// Seeded interviews lie in the past: reminders would start for each (decision 027).
			REMINDERS: 'off'
		}
	};
}

export default defineConfig({
	testDir: 'tests/e2e',
	// PostgreSQL's own specs run in playwright.postgres.config.ts.
	testIgnore: '**/*.pg.spec.ts',
	globalSetup: './tests/e2e/support/global-setup.ts',
	outputDir: 'test-results/e2e-artifacts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// A minute per test and 10 s per expectation: the 2-core machines CI runs on vary about
	// twofold in speed (the browser suite on SQLite alone took 19 minutes on one; the whole CI
	// 16 on another), and on the slower the longest journeys passed 30 s and the users page,
	// listing the hundreds of people the suite makes, took over 5 s to come back after a change.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://localhost:${ports.app}`,
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions
	},
	webServer: [server(ports.app, e2eDatabase), server(ports.fresh, path.join(dir, 'fresh.db'))]
});
