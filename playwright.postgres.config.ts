import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The suite's PostgreSQL run (PANELIST_TEST_DATABASE_URL names the server): the specs that
// start app instances on a PostgreSQL database of their own. scripts/test.js runs it when
// the variable is set.
export default defineConfig({
	...base,
	testMatch: '**/*.pg.spec.ts',
	testIgnore: [],
	globalSetup: undefined,
	webServer: undefined,
	workers: 1,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e-postgres.json' }]]
});
