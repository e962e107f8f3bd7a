import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimumNodeMajor, nodeVersionProblem } from '../../../scripts/node-version.js';

// Panelist refuses to start on a Node.js older than 24 with one line (decision 016). The real
// proof is an older Node running the entry points: these machines ship Node 20 as their own
// `node`, and .ci/run names it in PANELIST_OLD_NODE when it puts Node 24 first on PATH. On a
// machine with no older Node at all, the entry points run on this Node with its version
// string set back to 22.17.0 before they start: that checks the wiring (the check runs first
// and stops the process), not that nothing before it would crash on a real older Node. The
// test's name says which of the two it did.

const major = (version: string) => Number(version.split('.')[0]);

function versionOf(node: string): string | null {
	const run = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
	return run.status === 0 ? run.stdout.trim() : null;
}

interface OlderNode {
	command: string;
	args: string[];
	version: string;
	label: string;
}

function findOlderNode(): OlderNode {
	const named = process.env.PANELIST_OLD_NODE;
	if (named) {
		const version = versionOf(named);
		if (version === null || major(version) >= minimumNodeMajor) {
			throw new Error(`PANELIST_OLD_NODE=${named} is not a Node.js older than ${minimumNodeMajor}`);
		}
		return { command: named, args: [], version, label: `Node.js ${version} (${named})` };
	}
	const onPath = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'node'));
	for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', ...onPath]) {
		if (!fs.existsSync(candidate)) continue;
		const version = versionOf(candidate);
		if (version !== null && major(version) < minimumNodeMajor) {
			return { command: candidate, args: [], version, label: `Node.js ${version} (${candidate})` };
		}
	}
	const version = '22.17.0';
	const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-node-')), 'old.mjs');
	fs.writeFileSync(preload, `Object.defineProperty(process.versions, 'node', { value: '${version}' });\n`);
	return {
		command: process.execPath,
		args: ['--import', preload],
		version,
		label: `a simulated Node.js ${version} (no older Node.js on this machine)`
	};
}

const older = findOlderNode();

describe('Node.js older than 24', () => {
	it('is refused in one line that says what is needed; 24 and later pass', () => {
		expect(nodeVersionProblem('20.20.2')).toBe(
			'Panelist needs Node.js 24 or later, and this is Node.js 20.20.2: see "Prerequisites" in README.md for how to get it.'
		);
		expect(nodeVersionProblem('22.17.0')).toMatch(/^Panelist needs Node\.js 24 or later/);
		expect(nodeVersionProblem('23.11.1')).not.toBeNull();
		expect(nodeVersionProblem('24.0.0')).toBeNull();
		expect(nodeVersionProblem('26.1.0')).toBeNull();
		expect(nodeVersionProblem(process.versions.node)).toBeNull();
	});

	it('is the lower bound package.json declares', () => {
		const { engines } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
		expect(engines.node).toBe(`>=${minimumNodeMajor}`);
	});

	it.each([
		['the server (npm start)', 'scripts/server.js', []],
		['the CLI', 'scripts/panelist.js', ['migrate']],
		['the demo', 'scripts/demo.js', []]
	])(`${older.label}: %s refuses to start with that line and exit code 1`, (_name, script, args) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-old-node-'));
		const database = path.join(dir, 'never.db');
		const run = spawnSync(older.command, [...older.args, script, ...args], {
			encoding: 'utf8',
			env: { ...process.env, DATABASE_PATH: database, PORT: '4199', HOST: '127.0.0.1' },
			timeout: 15_000
		});
		expect(run.stderr).toBe(`${nodeVersionProblem(older.version)}\n`);
		expect(run.stdout).toBe('');
		expect(run.status).toBe(1);
		// It stopped before doing anything: no database was created.
		expect(fs.existsSync(database)).toBe(false);
	});
});
