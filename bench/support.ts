import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/platform/db';

/** Starts the built server on loopback with its own database; resolves once it answers. */
export async function startServer(databasePath: string, port: number): Promise<ChildProcess> {
	const server = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			...(/^postgres(ql)?:/.test(databasePath)
				? { DATABASE_URL: databasePath }
				: { DATABASE_PATH: databasePath }),
			PORT: String(port),
			HOST: '127.0.0.1',
			// The generated organisation has candidates decided years ago: the retention run at
			// start-up would anonymise thousands of them while the measurements run.
			RETENTION_JOB: 'off',
			ORIGIN: `http://localhost:${port}`
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			const response = await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' });
			if (response.status < 500) return server;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	server.kill();
	throw new Error('the server did not start');
}

export function tempDir(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const chromiumLaunchOptions = () => {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	return fs.existsSync(executablePath)
		? {
				executablePath,
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
};

/** A copy of a generated organisation, made once per size, seed and schema and then reused. */
export async function generatedDatabase(scorecards: number, seed = 7): Promise<string> {
	// Everything that shapes the generated file, subfolders included (migrations/support).
	const sources = ['migrations', 'src/cli/synthetic']
		.flatMap((dir) =>
			fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f))
		)
		.filter((file) => fs.statSync(file).isFile())
		.sort();
	const hash = createHash('sha256');
	for (const file of sources) hash.update(fs.readFileSync(file));
	const dir = path.join('bench', '.data');
	fs.mkdirSync(dir, { recursive: true });
	const cached = path.join(dir, `org-${scorecards}-${seed}-${hash.digest('hex').slice(0, 12)}.db`);
	if (!fs.existsSync(cached)) {
		for (const old of fs.readdirSync(dir)) {
			if (old.startsWith(`org-${scorecards}-${seed}-`)) fs.rmSync(path.join(dir, old));
		}
		const partial = `${cached}.partial`;
		fs.rmSync(partial, { force: true });
		const run = spawnSync(
			process.execPath,
			['scripts/panelist.js', 'generate', '--scorecards', String(scorecards), '--seed', String(seed)],
			{ env: { ...process.env, DATABASE_PATH: partial }, stdio: ['ignore', 'inherit', 'inherit'] }
		);
		if (run.status !== 0) throw new Error('generating the organisation failed');
		for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
		fs.renameSync(partial, cached);
	}
	const copy = path.join(tempDir('panelist-bench-'), 'org.db');
	fs.copyFileSync(cached, copy);
	return copy;
}

/** A session cookie for someone in the database, made directly (signing in is not measured). */
export async function sessionCookie(databasePath: string, email: string): Promise<string> {
	const db = openDatabase(databasePath);
	try {
		const user = await db
			.selectFrom('user')
			.select('id')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		const { token } = await createSession(db, user.id);
		return `panelist-session=${token}`;
	} finally {
		await db.destroy();
	}
}

export interface Timing {
	p50: number;
	p95: number;
	max: number;
	runs: number;
}

/** Milliseconds per request, one after another after a warm-up; fails on a non-200 answer. */
export async function timeRequests(url: string, cookie: string, runs: number, warmup = 3): Promise<Timing> {
	const times: number[] = [];
	for (let i = 0; i < warmup + runs; i++) {
		const started = performance.now();
		const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
		if (i >= warmup) times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
	return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, runs };
}

/** The most memory the process has held (resident, peak), in MB; Linux only. */
export function peakMemoryMb(pid: number): number | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

/** A copy of a database file as it is now (with its write-ahead log, if any). */
export function copyDatabase(file: string): string {
	const copy = path.join(tempDir('panelist-bench-'), 'copy.db');
	fs.copyFileSync(file, copy);
	if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
	return copy;
}
