import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { deactivateUser } from '../../src/lib/server/accounts/users';
import { createApiToken, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { createSession } from '../../src/lib/server/auth/session';
import { openDatabase } from '../../src/lib/server/platform/db';
import { prepareDatabase } from '../../src/lib/server/platform/prepare-database';
import { tokenFor } from './support/api';
import { answerOf, autosaveAddress, doors, scorecardsForBothDoors, type DoorAnswer } from './support/doors';
import { expect, Seed, test } from './support/fixtures';
import { startServer } from './support/server-process';

// One request gate (decision 017): whatever the autosave's fast path refuses, SvelteKit
// refuses with the same status, body and headers, and the reverse, because both doors ask
// the same functions. Each request below goes through both doors and the answers are compared.

const draft = { recommendation: null, summary: 'Typed in the kit.', ratings: [], notes: [] };
const hour = 60 * 60 * 1000;

interface Sent {
	headers: Record<string, string>;
	data?: string | Buffer;
}

/** The same save through both doors, each on its own scorecard; the two answers must be one. */
async function throughBoth(
	request: APIRequestContext,
	ids: [number, number],
	sent: Sent,
	base = ''
): Promise<DoorAnswer> {
	const data = sent.data ?? JSON.stringify(draft);
	const headers = { 'content-type': 'application/json', 'if-match': '"0"', ...sent.headers };
	const [fast, kit] = await Promise.all(
		doors.map(async (door, i) =>
			answerOf(await request.put(base + autosaveAddress(ids[i]!, door), { headers, data }))
		)
	);
	expect(kit, JSON.stringify(sent.headers)).toEqual(fast);
	return fast!;
}

const securityHeaders = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'content-type': 'application/json'
};

test('every refusal the gate knows looks the same through the fast path and through SvelteKit', async ({
	request,
	seed,
	db,
	baseURL
}) => {
	const admin = await seed.user('admin');
	const { interviewer, ids } = await scorecardsForBothDoors(seed);
	const token = await tokenFor(seed, interviewer);
	const session = (await createSession(db, interviewer.id)).token;
	const expired = (await createSession(db, interviewer.id, Date.now() - 80 * hour)).token;
	const revoked = await createApiToken(db, interviewer.id, 'revoked');
	await revokeApiToken(db, interviewer, revoked.id);
	const colleague = await seed.user('interviewer');
	const colleagueSession = (await createSession(db, colleague.id)).token;
	const leaver = await seed.user('interviewer');
	const leaverSession = (await createSession(db, leaver.id)).token;
	const leaverToken = await tokenFor(seed, leaver);
	await deactivateUser(db, admin, leaver.id);
	const cookie = (value: string) => ({ cookie: `panelist-session=${value}` });
	const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
	const own = new URL(baseURL!).origin;
	const form = 'summary=Typed+in+a+form';

	const signInFirst = { status: 401, error: 'Sign in or send an API token' };
	const badToken = {
		status: 401,
		error: 'This API token is not valid: mistyped, revoked, or its user is deactivated'
	};
	const crossOrigin = { status: 403, error: 'Cross-origin requests may not change data' };
	const refusals: [string, Sent, { status: number; error: string | RegExp; signedIn?: true }][] = [
		['no session and no token', { headers: {} }, signInFirst],
		['a session cookie nobody issued', { headers: cookie('abc.def') }, signInFirst],
		['an expired session', { headers: cookie(expired) }, signInFirst],
		['the session of a deactivated user', { headers: cookie(leaverSession) }, signInFirst],
		[
			'a token not sent as Bearer',
			{ headers: { authorization: `Basic ${token}` } },
			{ status: 401, error: 'Send the token as Authorization: Bearer <token>' }
		],
		['a token nobody issued', { headers: bearer('pnl_abc.def') }, badToken],
		['a revoked token', { headers: bearer(revoked.token) }, badToken],
		['the token of a deactivated user', { headers: bearer(leaverToken) }, badToken],
		[
			'a session from another origin',
			{ headers: { ...cookie(session), origin: 'https://evil.example' } },
			crossOrigin
		],
		[
			'a token from another origin',
			{ headers: { ...bearer(token), origin: 'https://evil.example' } },
			crossOrigin
		],
		['a cross-site fetch', { headers: { ...cookie(session), 'sec-fetch-site': 'cross-site' } }, crossOrigin],
		[
			'a form post',
			{ headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' }, data: form },
			{ status: 415, error: /Content-Type: application\/json/ }
		],
		[
			'a form post from another site',
			{
				headers: { ...cookie(session), origin: 'https://evil.example', 'content-type': 'text/plain' },
				data: form
			},
			crossOrigin
		],
		[
			'someone else’s scorecard',
			{ headers: { ...cookie(colleagueSession), origin: own } },
			{ status: 404, error: 'No such scorecard', signedIn: true }
		],
		[
			'a version older than the one saved',
			{ headers: { ...bearer(token), 'if-match': '"7"' } },
			{
				status: 409,
				error: 'This scorecard was changed elsewhere since this copy was loaded',
				signedIn: true
			}
		]
	];
	for (const [what, sent, expected] of refusals) {
		const answer = await throughBoth(request, ids, sent);
		expect(answer.status, what).toBe(expected.status);
		expect(answer.body.error, what).toMatch(expected.error);
		expect(answer.headers, what).toMatchObject(securityHeaders);
		// Refused before anyone was recognised, or answered to someone signed in.
		expect(answer.headers['cache-control'], what).toBe(expected.signedIn ? 'no-store' : undefined);
	}
	expect(await db.selectFrom('scorecard').select(['version']).where('id', 'in', ids).execute()).toEqual([
		{ version: 0 },
		{ version: 0 }
	]);

	// The same requests, well made: saved through both, and never cached.
	for (const sent of [{ headers: cookie(session) }, { headers: { ...cookie(session), origin: own } }]) {
		const [version] = (
			await db.selectFrom('scorecard').select('version').where('id', '=', ids[0]).execute()
		).map((card) => `"${card.version}"`);
		const saved = await throughBoth(request, ids, { headers: { ...sent.headers, 'if-match': version! } });
		expect(saved).toMatchObject({
			status: 200,
			headers: { ...securityHeaders, 'cache-control': 'no-store' }
		});
	}
});

test('behind a proxy the gate reads PROTOCOL_HEADER, BODY_SIZE_LIMIT and API_RATE_LIMIT as the adapter does', async ({
	request
}) => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-gate-')), 'panelist.db');
	const db = openDatabase(file);
	await prepareDatabase(db);
	const server = await startServer(file, {
		PROTOCOL_HEADER: 'x-forwarded-proto',
		BODY_SIZE_LIMIT: '100K',
		API_RATE_LIMIT: '1'
	});
	try {
		const base = server.origin;
		const https = { 'x-forwarded-proto': 'https' };
		const hsts = { 'strict-transport-security': 'max-age=31536000' };

		// No one has set Panelist up yet: both doors say so.
		const early = await throughBoth(request, [1, 2], { headers: https }, base);
		expect(early).toMatchObject({
			status: 503,
			body: { error: 'Panelist is not set up yet' },
			headers: hsts
		});

		const seed = new Seed(db);
		await seed.user('admin');
		const { interviewer, ids } = await scorecardsForBothDoors(seed);
		const session = `__Host-panelist-session=${(await createSession(db, interviewer.id)).token}`;
		const asHttps = { ...https, cookie: session, origin: base.replace('http:', 'https:') };

		// Over HTTPS, as the proxy says: the __Host- cookie, the origin with https, and HSTS.
		const saved = await throughBoth(request, ids, { headers: asHttps }, base);
		expect(saved).toMatchObject({ status: 200, headers: { ...hsts, 'cache-control': 'no-store' } });
		const plainOrigin = await throughBoth(request, ids, { headers: { ...asHttps, origin: base } }, base);
		expect(plainOrigin).toMatchObject({ status: 403, headers: hsts });
		// Over plain HTTP, no HSTS, and the session cookie is the one without __Host-.
		const plain = await throughBoth(
			request,
			ids,
			{ headers: { cookie: session, 'x-forwarded-proto': 'http' } },
			base
		);
		expect(plain).toMatchObject({ status: 401, body: { error: 'Sign in or send an API token' } });
		expect(plain.headers['strict-transport-security']).toBeUndefined();

		// Past BODY_SIZE_LIMIT, below the API's own 256 KB: the limit the server was given.
		const big = JSON.stringify({ ...draft, summary: 'x'.repeat(150 * 1024) });
		const tooBig = await throughBoth(
			request,
			ids,
			{ headers: { ...asHttps, 'if-match': '"1"' }, data: big },
			base
		);
		expect(tooBig).toMatchObject({ status: 413, body: { error: 'The body is larger than 100 KB' } });

		// One request a minute per token: the second is refused alike, whichever door it takes.
		const token = await tokenFor(seed, interviewer);
		const bearer = { ...https, authorization: `Bearer ${token}`, 'if-match': '"1"' };
		expect((await request.get(`${base}/api/v1/scorecards/${ids[0]}`, { headers: bearer })).status()).toBe(
			200
		);
		const limited = await throughBoth(request, ids, { headers: bearer }, base);
		expect(limited).toMatchObject({
			status: 429,
			body: { error: 'Too many requests with this token; try again in 60 s' },
			headers: { 'retry-after': '60', ...hsts }
		});
	} finally {
		server.child.kill();
		await db.destroy();
	}
});
