import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { openDatabase } from '../../../src/lib/server/platform/db';
import { prepareDatabase } from '../../../src/lib/server/platform/prepare-database';
import { autosaveAddress, type Door } from './doors';
import { Seed } from './fixtures';

// The built server started by hand (as `npm start` does), for tests that stop it: with
// SIGTERM as a service manager does, or with SIGKILL as a crash does.

export interface ServerProcess {
	child: ChildProcess;
	/** Where it listens: a free loopback port it chose itself. */
	origin: string;
	/** Settles when the process has ended, however it ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** What it printed so far, to explain a failure. */
	output: () => string;
}

/** A loopback port nothing listens on now, so ORIGIN can name it before the server starts. */
export async function freePort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as net.AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

/** Starts `node scripts/server.js` on the database; resolves once it listens. */
export async function startServer(
	databasePath: string,
	env: Record<string, string> = {}
): Promise<ServerProcess> {
	const child = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: '0',
			HOST: '127.0.0.1',
			TZ: 'UTC',
			API_RATE_LIMIT: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const origin = await new Promise<string>((resolve, reject) => {
		child.stderr!.on('data', (chunk) => (output += chunk));
		child.stdout!.on('data', (chunk) => {
			output += chunk;
			const port = /Listening on http:\/\/\S+:(\d+)/.exec(output)?.[1];
			if (port) resolve(`http://127.0.0.1:${port}`);
		});
		void exited.then(() => reject(new Error(`the server stopped before it listened:\n${output}`)));
	});
	return { child, origin, exited, output: () => output };
}

export interface Autosaver {
	scorecardId: number;
	token: string;
}

/** `count` interviewers on one loop, each with a scorecard to save and an API token. */
export async function seedAutosavers(seed: Seed, count: number): Promise<Autosaver[]> {
	const recruiter = await seed.user('recruiter');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const interviewers = [];
	for (let i = 0; i < count; i++) interviewers.push(await seed.user('interviewer'));
	const loop = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: interviewers.map((i) => i.id), scheduledAt: Date.now() }
	]);
	return Promise.all(
		loop.scorecards.map(async (card) => ({
			scorecardId: card.id,
			token: (await createApiToken(seed.db, card.interviewerId, 'autosave test')).token
		}))
	);
}

/** A new database file of its own, migrated, with `count` autosavers in it. */
export async function autosaveDatabase(count: number): Promise<{ file: string; cards: Autosaver[] }> {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-process-')), 'panelist.db');
	const db = openDatabase(file);
	try {
		await prepareDatabase(db);
		return { file, cards: await seedAutosavers(new Seed(db), count) };
	} finally {
		await db.destroy();
	}
}

/** A draft as the kit autosaves it, told apart by its summary. */
export function draft(summary: string): string {
	return JSON.stringify({
		recommendation: 3,
		summary,
		freeNotes: 'Typed live. '.repeat(40),
		ratings: [],
		notes: []
	});
}

export interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** One HTTP request with Node's client (its own keep-alive agent, when given one). */
export function send(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent },
	onSent?: () => void
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{ method: options.method ?? 'GET', headers: options.headers, agent: options.agent },
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (body += chunk));
				response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
				response.on('error', reject);
			}
		);
		request.on('error', reject);
		if (onSent) request.on('finish', onSent);
		request.end(options.body);
	});
}

/** The scorecard as its interviewer reads it through the API. */
export async function getScorecard(
	origin: string,
	card: Autosaver
): Promise<{ version: number; summary: string }> {
	const answer = await send(`${origin}/api/v1/scorecards/${card.scorecardId}`, {
		headers: { authorization: `Bearer ${card.token}` }
	});
	if (answer.status !== 200)
		throw new Error(`GET scorecard ${card.scorecardId}: ${answer.status} ${answer.body}`);
	return JSON.parse(answer.body) as { version: number; summary: string };
}

/** An autosave of `card` based on `version`, as the kit sends it with a token (through the fast path unless told). */
export function putScorecard(
	origin: string,
	card: Autosaver,
	version: number,
	summary: string,
	extra: { headers?: Record<string, string>; agent?: http.Agent; onSent?: () => void; door?: Door } = {}
): Promise<Answer> {
	const body = draft(summary);
	return send(
		`${origin}${autosaveAddress(card.scorecardId, extra.door ?? 'fast path')}`,
		{
			method: 'PUT',
			body,
			agent: extra.agent,
			headers: {
				authorization: `Bearer ${card.token}`,
				'content-type': 'application/json',
				'content-length': String(Buffer.byteLength(body)),
				'if-match': `"${version}"`,
				...extra.headers
			}
		},
		extra.onSent
	);
}
