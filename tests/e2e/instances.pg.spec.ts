import { expect, test } from '@playwright/test';
import { revokeUserApiTokens } from '../../src/lib/server/auth/api-tokens';
import { Seed } from '../support/seed';
import type { DB } from '../../src/lib/server/platform/db';
import { emptyPostgresDatabase } from './support/postgres-database';
import {
	getScorecard,
	putScorecard,
	seedAutosavers,
	send,
	startServer,
	type Autosaver,
	type ServerProcess
} from './support/server-process';

// Two app instances on one PostgreSQL database, as behind a load balancer: they behave as one.
// Each test starts both instances itself (together, so they prepare the database together),
// on a database of its own.

// Behind a load balancer both instances answer for one public address.
const publicOrigin = 'http://panelist.test';
let database: Awaited<ReturnType<typeof emptyPostgresDatabase>>;
let db: DB;
let instances: ServerProcess[] = [];

test.beforeEach(async () => {
	database = await emptyPostgresDatabase();
	instances = await Promise.all(
		[0, 1].map(() => startServer('', { DATABASE_URL: database.url, ORIGIN: publicOrigin }))
	);
	db = database.open();
});

test.afterEach(async () => {
	for (const instance of instances) {
		instance.child.kill('SIGKILL');
		await instance.exited;
	}
	await db.destroy();
	await database.drop();
});

/** Autosaves card `times` times in a row through `origin()`, each on the version the last answer gave. */
async function autosaveInTurn(
	origin: () => string,
	card: Autosaver,
	times: number,
	acknowledged: Map<number, { version: number; summary: string }>
): Promise<void> {
	// The instance may go away mid-request: never acknowledged; ask again where it stands.
	const current = async () =>
		(await getScorecard(origin(), card).catch(() => getScorecard(origin(), card))).version;
	let version = await current();
	for (let n = 1; n <= times; n++) {
		const summary = `Card ${card.scorecardId}, save ${n}`;
		const answer = await putScorecard(origin(), card, version, summary).catch(() => null);
		if (!answer) {
			version = await current();
			continue;
		}
		expect(answer.status, answer.body).toBe(200);
		version = (JSON.parse(answer.body) as { version: number }).version;
		acknowledged.set(card.scorecardId, { version, summary });
	}
}

test('fifty interviewers autosave through two instances at once: no save lost, a stale copy is a 409', async () => {
	test.setTimeout(120_000);
	const cards = await seedAutosavers(new Seed(db), 50);
	const acknowledged = new Map<number, { version: number; summary: string }>();
	await Promise.all(
		cards.map((card, i) => autosaveInTurn(() => instances[i % 2]!.origin, card, 6, acknowledged))
	);
	for (const card of cards) {
		expect(await getScorecard(instances[1]!.origin, card)).toMatchObject(acknowledged.get(card.scorecardId)!);
	}

	// The same version sent to both instances at once, ten rounds: one wins, the other is told 409.
	const card = cards[0]!;
	let { version } = await getScorecard(instances[0]!.origin, card);
	for (let round = 0; round < 10; round++) {
		const answers = await Promise.all(
			instances.map((instance, i) =>
				putScorecard(instance.origin, card, version, `Round ${round}, copy ${i}`)
			)
		);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
		const won = answers.findIndex((a) => a.status === 200);
		version = (JSON.parse(answers[won]!.body) as { version: number }).version;
		expect(await getScorecard(instances[1 - won]!.origin, card)).toMatchObject({
			version,
			summary: `Round ${round}, copy ${won}`
		});
	}
});

/** Posts the sign-in form to origin, as a browser would. */
function postSignIn(origin: string, email: string, password: string) {
	const body = new URLSearchParams({ email, password }).toString();
	return send(`${origin}/login`, {
		method: 'POST',
		body,
		headers: {
			origin: publicOrigin,
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': String(Buffer.byteLength(body)),
			accept: 'text/html'
		}
	});
}

/** Signs in through the form on origin; the session cookie, as the browser would keep it. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
	const answer = await postSignIn(origin, email, password);
	expect(answer.status, answer.body).toBe(303);
	return answer.headers['set-cookie']!.map((cookie) => cookie.split(';')[0]).join('; ');
}

const settingsStatus = async (origin: string, cookie: string) =>
	(await send(`${origin}/settings`, { headers: { cookie, accept: 'text/html' } })).status;

test('a session made on one instance works on the other, and signing out on one ends it on both', async () => {
	const sam = await new Seed(db).user('interviewer');
	const [a, b] = instances.map((instance) => instance.origin) as [string, string];
	const cookie = await signIn(a, sam.email, sam.password);
	expect(await settingsStatus(b, cookie)).toBe(200);
	const signOut = await send(`${a}/logout`, {
		method: 'POST',
		body: '',
		headers: {
			cookie,
			origin: publicOrigin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': '0'
		}
	});
	expect(signOut.status).toBe(303);
	// At once: the very next request to the other instance is no longer signed in.
	expect(await settingsStatus(b, cookie)).toBe(303);
	expect(await settingsStatus(a, cookie)).toBe(303);
});

test('wrong passwords sent to one instance count on the other: the sixth try is refused with 429', async () => {
	const sam = await new Seed(db).user('interviewer');
	const [a, b] = instances.map((instance) => instance.origin) as [string, string];
	for (let i = 0; i < 5; i++) {
		expect((await postSignIn(i % 2 ? b : a, sam.email, `wrong-guess-${i}`)).status).toBe(400);
	}
	const refused = await postSignIn(b, sam.email, sam.password);
	expect(refused.status).toBe(429);
	expect(refused.body).toContain('Too many failed sign-in attempts. Wait 1 minute and try again.');
	expect((await postSignIn(a, sam.email, sam.password)).status).toBe(429);
});

test('an API token revoked while both instances serve it is refused by both at once', async () => {
	const [card] = await seedAutosavers(new Seed(db), 1);
	const [a, b] = instances.map((instance) => instance.origin) as [string, string];
	await getScorecard(b, card!);
	const { interviewerId } = await db
		.selectFrom('scorecard')
		.select('interviewerId')
		.where('id', '=', card!.scorecardId)
		.executeTakeFirstOrThrow();
	expect(await revokeUserApiTokens(db, interviewerId)).toBe(1);
	const answer = await send(`${a}/api/v1/scorecards/${card!.scorecardId}`, {
		headers: { authorization: `Bearer ${card!.token}` }
	});
	expect(answer.status).toBe(401);
	const other = await send(`${b}/api/v1/scorecards/${card!.scorecardId}`, {
		headers: { authorization: `Bearer ${card!.token}` }
	});
	expect(other.status).toBe(401);
});

test('kill -9 one instance mid-load: the other keeps serving and nothing acknowledged is lost', async () => {
	test.setTimeout(120_000);
	const cards = await seedAutosavers(new Seed(db), 20);
	const acknowledged = new Map<number, { version: number; summary: string }>();
	let killed = false;
	// Clients of the first instance move to the second once it is gone, as a load balancer does.
	const originFor = (i: number) => () => instances[killed ? 1 : i % 2]!.origin;
	const load = Promise.all(cards.map((card, i) => autosaveInTurn(originFor(i), card, 15, acknowledged)));
	await new Promise((resolve) => setTimeout(resolve, 400));
	instances[0]!.child.kill('SIGKILL');
	killed = true;
	await load;
	expect((await instances[0]!.exited).signal).toBe('SIGKILL');
	for (const card of cards) {
		expect(await getScorecard(instances[1]!.origin, card)).toMatchObject(acknowledged.get(card.scorecardId)!);
	}
});
