import http from 'node:http';
import net from 'node:net';
import SQLite from 'better-sqlite3';
import { doors } from './support/doors';
import { expect, test } from './support/fixtures';
import {
	autosaveDatabase,
	getScorecard,
	putScorecard,
	seedAutosavers,
	startServer,
	type Answer,
	type Autosaver
} from './support/server-process';

// No acknowledged word lost: what the server answered 200 to is on disk when it crashes,
// two copies of one version never both win, and a restart answers what was already sent.
// These tests start the built server themselves, so they can stop it; no browser is needed.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('every save the server acknowledged is there after kill -9, twenty crashes in a row', async () => {
	test.setTimeout(180_000);
	const { file, cards } = await autosaveDatabase(4);
	// The last save each interviewer's client was told is saved, and every save sent, by the
	// version it would make: a crash may land between a commit and its answer.
	const acknowledged = new Map<number, { version: number; summary: string }>();
	const sent = new Map<string, string>();
	let acknowledgedInAll = 0;

	for (let cycle = 0; cycle <= 20; cycle++) {
		const server = await startServer(file);
		const versions = new Map<number, number>();
		for (const card of cards) {
			const saved = await getScorecard(server.origin, card);
			const known = acknowledged.get(card.scorecardId);
			if (known) {
				expect(saved.version, `scorecard ${card.scorecardId} after crash ${cycle}`).toBeGreaterThanOrEqual(
					known.version
				);
				expect(saved.version).toBeLessThanOrEqual(known.version + 1);
				expect(saved.summary).toBe(
					saved.version === known.version ? known.summary : sent.get(`${card.scorecardId}@${saved.version}`)
				);
			}
			versions.set(card.scorecardId, saved.version);
		}
		if (cycle === 20) {
			server.child.kill('SIGTERM');
			await server.exited;
			break;
		}

		let crashed = false;
		const autosaving = cards.map(async (card, client) => {
			let version = versions.get(card.scorecardId)!;
			for (let n = 1; !crashed; n++) {
				const summary = `Crash ${cycle}, client ${client}, save ${n}`;
				sent.set(`${card.scorecardId}@${version + 1}`, summary);
				const answer = await putScorecard(server.origin, card, version, summary).catch(() => null);
				// Refused or reset by the crash: never acknowledged, so nothing is owed.
				if (!answer) return;
				expect(answer.status, answer.body).toBe(200);
				version = (JSON.parse(answer.body) as { version: number }).version;
				acknowledged.set(card.scorecardId, { version, summary });
				acknowledgedInAll += 1;
			}
		});
		await sleep(100 + Math.random() * 400);
		server.child.kill('SIGKILL');
		crashed = true;
		await Promise.all(autosaving);
		await server.exited;

		const sqlite = new SQLite(file);
		expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
		sqlite.close();
	}
	expect(acknowledgedInAll).toBeGreaterThan(100);
});

test('two copies based on the same version, one through each path: exactly one is saved', async ({
	seed,
	baseURL
}) => {
	const [card] = await seedAutosavers(seed, 1);
	const origin = new URL(baseURL!).origin;
	let { version } = await getScorecard(origin, card!);
	for (let round = 0; round < 10; round++) {
		const copies = doors.map((door) => ({ summary: `Round ${round}, through ${door}`, door }));
		if (round % 2) copies.reverse();
		const answers = await Promise.all(
			copies.map((copy) => putScorecard(origin, card!, version, copy.summary, { door: copy.door }))
		);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
		const won = answers.findIndex((a) => a.status === 200);
		version = (JSON.parse(answers[won]!.body) as { version: number }).version;
		expect(await getScorecard(origin, card!)).toMatchObject({ version, summary: copies[won]!.summary });
		// The other is told what is saved now: the winner's copy.
		expect(JSON.parse(answers[1 - won]!.body)).toMatchObject({
			version,
			current: { summary: copies[won]!.summary }
		});
	}
});

test('SIGTERM answers every request already sent on a kept-alive connection, then the server exits', async () => {
	test.setTimeout(120_000);
	const shutdownSeconds = 5;
	const { file, cards } = await autosaveDatabase(20);
	for (let round = 0; round < 3; round++) {
		const server = await startServer(file, { SHUTDOWN_TIMEOUT: String(shutdownSeconds) });
		// One kept-alive connection per interviewer, as a browser keeps one between autosaves.
		const agents = cards.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
		const versions = await Promise.all(
			cards.map(async (card, i) => {
				const { version } = await getScorecard(server.origin, card);
				const answer = await putScorecard(server.origin, card, version, 'Before', { agent: agents[i] });
				expect(answer.headers.connection).toBe('keep-alive');
				return (JSON.parse(answer.body) as { version: number }).version;
			})
		);

		// Every client sends its next autosave; the signal comes once all of them have left.
		let signalledAt = 0;
		let left = 0;
		const onSent = () => {
			if (++left === cards.length) {
				signalledAt = Date.now();
				server.child.kill('SIGTERM');
			}
		};
		// Each keeps autosaving until an answer says the connection closes, as the kit would.
		const autosave = async (card: Autosaver, i: number): Promise<(Answer | string)[]> => {
			const answers: (Answer | string)[] = [];
			let version = versions[i]!;
			for (let n = 1; n <= 5; n++) {
				const answer = await putScorecard(server.origin, card, version, `Round ${round}, save ${n}`, {
					agent: agents[i],
					onSent: n === 1 ? onSent : undefined
				}).catch((error: NodeJS.ErrnoException) => error.code ?? error.message);
				answers.push(answer);
				if (typeof answer === 'string' || answer.headers.connection === 'close') break;
				version = (JSON.parse(answer.body) as { version: number }).version;
			}
			return answers;
		};
		const results = await Promise.all(cards.map(autosave));
		const exit = await server.exited;
		const seconds = (Date.now() - signalledAt) / 1000;
		for (const agent of agents) agent.destroy();

		// No reset: every request was answered, and the last answer closed the connection.
		expect(results.flat().filter((a) => typeof a === 'string')).toEqual([]);
		expect(results.map((answers) => (answers.at(-1) as Answer).headers.connection)).toEqual(
			cards.map(() => 'close')
		);
		expect(results.flat().map((a) => (a as Answer).status)).toEqual(results.flat().map(() => 200));
		expect(exit).toEqual({ code: 0, signal: null });
		expect(seconds).toBeLessThan(shutdownSeconds);
	}
});

test('a request that never finishes holds the stopping server no longer than SHUTDOWN_TIMEOUT', async () => {
	const { file, cards } = await autosaveDatabase(1);
	const server = await startServer(file, { SHUTDOWN_TIMEOUT: '2' });
	// An autosave whose upload stalls halfway, as on a connection that dropped without a word.
	const { port } = new URL(server.origin);
	const socket = net.connect(Number(port), '127.0.0.1');
	await new Promise((resolve) => socket.once('connect', resolve));
	socket.write(
		`PUT /api/v1/scorecards/${cards[0]!.scorecardId} HTTP/1.1\r\nHost: x\r\n` +
			`Authorization: Bearer ${cards[0]!.token}\r\nContent-Type: application/json\r\n` +
			'If-Match: "1"\r\nContent-Length: 1000\r\n\r\n{"summary":'
	);
	await sleep(300);
	const signalledAt = Date.now();
	server.child.kill('SIGTERM');
	const exit = await server.exited;
	const seconds = (Date.now() - signalledAt) / 1000;
	socket.destroy();
	expect(exit).toEqual({ code: 0, signal: null });
	expect(seconds).toBeGreaterThanOrEqual(1.9);
	expect(seconds).toBeLessThan(4);
});
