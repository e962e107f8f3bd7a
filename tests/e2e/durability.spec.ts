import SQLite from 'better-sqlite3';
import { expect, test } from './support/fixtures';
import {
	autosaveDatabase,
	getScorecard,
	putScorecard,
	seedAutosavers,
	startServer
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
		// The fast path answers a token without an Origin; with the app's Origin, SvelteKit does.
		const copies: { summary: string; headers: Record<string, string> }[] = [
			{ summary: `Round ${round}: the script`, headers: {} },
			{ summary: `Round ${round}: the browser`, headers: { origin } }
		];
		if (round % 2) copies.reverse();
		const answers = await Promise.all(
			copies.map((copy) => putScorecard(origin, card!, version, copy.summary, { headers: copy.headers }))
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
