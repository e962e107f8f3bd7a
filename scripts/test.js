#!/usr/bin/env node
// `npm test`: everything CI runs, in order, then one closing line `N passed, N failed`.
// Type check, lint and the bench smoke run count as one test each; unit and e2e counts come from the
// runners' JSON reports. A step that cannot run (build broken) counts as failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { refuseOldNode } from './node-version.js';

refuseOldNode();

const results = 'test-results';
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 */
function run(label, command, args) {
	console.log(`\n── ${label} ──`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	return result.status === 0;
}

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 */
function gate(label, command, args) {
	if (run(label, command, args)) passed += 1;
	else {
		failed += 1;
		console.log(`✗ ${label} failed`);
	}
}

/** @param {string} file */
function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Counts a Playwright run from its JSON report.
 * @param {boolean} ok
 * @param {string} file
 */
function countE2e(ok, file) {
	const e2e = readJson(file);
	if (e2e) {
		passed += e2e.stats.expected + e2e.stats.flaky;
		failed += e2e.stats.unexpected;
		if (!ok && e2e.stats.unexpected === 0) failed += 1;
	} else {
		failed += 1;
	}
}

const bin = (/** @type {string} */ name) => `node_modules/.bin/${name}`;

gate('svelte-check', 'sh', [
	'-c',
	`${bin('svelte-kit')} sync && ${bin('svelte-check')} --tsconfig ./tsconfig.json --fail-on-warnings`
]);
gate('eslint', bin('eslint'), ['.', '--max-warnings', '0']);

// The unit suite on both engines: vitest adds the postgres project when PANELIST_TEST_DATABASE_URL
// names a server (.ci/run starts one and sets it). Without it the PostgreSQL half did not run,
// and that counts as a failure: a run that skipped an engine must not look green (decision 018).
const postgresServer = process.env.PANELIST_TEST_DATABASE_URL;
const unitOk = run(
	postgresServer ? 'unit tests (vitest), SQLite and PostgreSQL' : 'unit tests (vitest), SQLite only',
	bin('vitest'),
	['run']
);
const unit = readJson(`${results}/unit.json`);
if (unit) {
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
	if (!unitOk && unit.numFailedTests === 0) failed += 1;
} else {
	failed += 1;
}
if (!postgresServer) {
	failed += 1;
	console.log(
		'✗ The unit tests on PostgreSQL did NOT run: set PANELIST_TEST_DATABASE_URL to a PostgreSQL server ' +
			'whose user may create databases (README, "PostgreSQL"). Counted as one failure.'
	);
}

if (run('build', bin('vite'), ['build'])) {
	countE2e(run('end-to-end tests (playwright)', bin('playwright'), ['test']), `${results}/e2e.json`);
	// Several app instances on one PostgreSQL database, when a server is given.
	if (process.env.PANELIST_TEST_DATABASE_URL) {
		const ok = run('end-to-end tests on PostgreSQL (playwright)', bin('playwright'), [
			'test',
			'-c',
			'playwright.postgres.config.ts'
		]);
		countE2e(ok, `${results}/e2e-postgres.json`);
	}
	// The benchmarks' scripts, on a thousand scorecards: they must run; their timings are not judged.
	gate('bench smoke run', process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke']);
} else {
	failed += 1;
	console.log('✗ build failed; end-to-end tests and the bench smoke run did not run');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
