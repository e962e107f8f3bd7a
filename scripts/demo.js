#!/usr/bin/env node
// `npm run demo`: build when the sources are newer than the build, seed a fresh demo
// database at ./data/demo.db, print the logins and serve on http://localhost:3000.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { refuseOldNode } from './node-version.js';

refuseOldNode();

const port = process.env.PORT ?? '3000';
const database = path.resolve('data/demo.db');

/**
 * @param {string} entry
 * @returns {number}
 */
function newestMtime(entry) {
	if (!fs.existsSync(entry)) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...fs.readdirSync(entry).map((child) => newestMtime(path.join(entry, child))));
}

const sources = ['src', 'migrations', 'static', 'vite.config.ts', 'package.json', 'package-lock.json'];
const built = newestMtime('build/handler.js');
if (built === 0 || Math.max(...sources.map(newestMtime)) > built) {
	console.log('Building Panelist…');
	const build = spawnSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
const env = { ...process.env, DATABASE_PATH: database };
const seed = spawnSync(process.execPath, ['scripts/panelist.js', 'seed-demo'], { stdio: 'inherit', env });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const origin = `http://localhost:${port}`;
console.log(`\nPanelist demo: open ${origin} and sign in as any of the people above. Ctrl-C stops it.\n`);
const server = spawn(process.execPath, ['scripts/server.js'], {
	stdio: 'inherit',
	env: { ...env, PORT: port, ORIGIN: process.env.ORIGIN ?? origin }
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
	process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
