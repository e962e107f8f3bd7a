import type { APIRequestContext } from '@playwright/test';
import { ApiContract, tokenFor } from './support/api';
import { answerOf, autosaveAddress, doors, scorecardsForBothDoors } from './support/doors';
import { expect, test } from './support/fixtures';

// Every answer well-formed (decision 015): the autosave's fast path and SvelteKit give the same
// answer to the same request (the refusals of the request gate: request-gate.spec.ts), and
// every API error is JSON {error} whatever was asked for.

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

const draft = { recommendation: null, summary: 'Typed in the kit.', ratings: [], notes: [] };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

interface Sent {
	headers: Record<string, string>;
	data: Buffer;
}

async function answer(request: APIRequestContext, url: string, sent: Sent) {
	return answerOf(await request.put(url, sent));
}

test('the autosave gives the same answer on its fast path and through SvelteKit, bad bodies included', async ({
	request,
	seed,
	db
}) => {
	const { interviewer, ids } = await scorecardsForBothDoors(seed);
	const authorization = `Bearer ${await tokenFor(seed, interviewer)}`;
	// Asked for a page, the API still answers JSON.
	const sendBoth = async (sent: Sent) => {
		const [fast, kit] = await Promise.all(
			doors.map((door, i) =>
				answer(request, autosaveAddress(ids[i]!, door), {
					headers: { accept: 'text/html', authorization, ...sent.headers },
					data: sent.data
				})
			)
		);
		expect(kit, JSON.stringify(sent.headers)).toEqual(fast);
		contract.check('PUT', '/scorecards/{id}', fast!.status, fast!.body);
		return fast!;
	};
	const asJson = (version: string) => ({ 'content-type': 'application/json', 'if-match': version });

	const withBom = await sendBoth({ headers: asJson('"0"'), data: Buffer.concat([bom, json(draft)]) });
	expect(withBom).toMatchObject({ status: 200, body: { version: 1 } });
	expect(withBom.headers['cache-control']).toBe('no-store');
	const withCharset = await sendBoth({
		headers: { 'content-type': 'application/json; charset=utf-8', 'if-match': '"1"' },
		data: json(draft)
	});
	expect(withCharset).toMatchObject({ status: 200, body: { version: 2 } });

	for (const contentType of ['application/jsonx', 'application/json-patch+json', 'text/plain']) {
		const refused = await sendBoth({
			headers: { 'content-type': contentType, 'if-match': '"2"' },
			data: json(draft)
		});
		expect(refused).toMatchObject({
			status: 415,
			body: { error: 'Send the body as JSON, with Content-Type: application/json' }
		});
	}
	for (const ifMatch of ['W/"2"', '*', '"2", "1"', '2']) {
		const refused = await sendBoth({ headers: asJson(ifMatch), data: json(draft) });
		expect(refused.status, ifMatch).toBe(400);
		expect(refused.body.error).toMatch(/^If-Match must be one version in double quotes/);
	}
	const missing = await sendBoth({ headers: { 'content-type': 'application/json' }, data: json(draft) });
	expect(missing.status).toBe(428);

	const notJson = await sendBoth({ headers: asJson('"2"'), data: Buffer.from('{"summary": ') });
	expect(notJson).toMatchObject({ status: 422, body: { error: 'The body is not valid JSON' } });
	const wrongShape = await sendBoth({ headers: asJson('"2"'), data: json({ ...draft, ratings: 'none' }) });
	expect(wrongShape.status).toBe(422);
	expect(wrongShape.body.issues).toEqual([{ path: 'ratings', message: expect.any(String) }]);
	// Past the API's 256 KB, and past the server's whole-body limit (512 KB), the same 413.
	for (const size of [300 * 1024, 600 * 1024]) {
		const huge = await sendBoth({
			headers: asJson('"2"'),
			data: json({ ...draft, summary: 'x'.repeat(size) })
		});
		expect(huge).toMatchObject({ status: 413, body: { error: 'The body is larger than 256 KB' } });
	}

	const saved = await db
		.selectFrom('scorecard')
		.select(['version', 'content'])
		.where('id', 'in', ids)
		.execute();
	for (const card of saved) {
		expect(card.version).toBe(2);
		expect(JSON.parse(card.content).summary).toBe('Typed in the kit.');
	}
});

test('every API error is JSON {error}, even when a page was asked for', async ({ request, seed }) => {
	const admin = await seed.user('admin');
	const headers = { authorization: `Bearer ${await tokenFor(seed, admin)}`, accept: 'text/html' };
	const expectJsonError = async (response: Awaited<ReturnType<APIRequestContext['get']>>, status: number) => {
		expect(response.status()).toBe(status);
		expect(response.headers()['content-type']).toMatch(/^application\/json/);
		const body = (await response.json()) as { error: string };
		expect(body).toEqual({ error: expect.any(String) });
		return body.error;
	};

	// SvelteKit's own answers: a method the address does not take, an address it cannot decode.
	const wrongMethod = await request.delete('/api/v1/competencies', { headers });
	expect(await expectJsonError(wrongMethod, 405)).toBe(
		'DELETE is not allowed here; this address takes GET, POST, HEAD'
	);
	expect(wrongMethod.headers()['allow']).toBe('GET, POST, HEAD');
	await expectJsonError(await request.get('/api/v1/loops/%E0%A4%A', { headers }), 400);

	// A form post, as `curl -d` sends by default: refused before SvelteKit would answer in text.
	const formPost = await request.post('/api/v1/competencies', { headers, form: { name: 'Coding' } });
	expect(await expectJsonError(formPost, 415)).toMatch(/application\/json/);
	const crossSite = await request.post('/api/v1/competencies', {
		headers: { ...headers, origin: 'https://evil.example' },
		form: { name: 'Coding' }
	});
	expect(await expectJsonError(crossSite, 403)).toBe('Cross-origin requests may not change data');

	// Past the server's whole-body limit, where the adapter stops reading.
	const huge = await request.post('/api/v1/competencies', {
		headers: { ...headers, 'content-type': 'application/json' },
		data: json({ name: 'x'.repeat(600 * 1024) })
	});
	expect(await expectJsonError(huge, 413)).toBe('The body is larger than 256 KB');
});

test('ids in page addresses are plain positive integers; other spellings are not found', async ({
	page,
	seed,
	db
}) => {
	const admin = await seed.user('admin');
	const interviewer = await seed.user('interviewer');
	const openingId = await seed.opening([admin]);
	const candidate = await seed.candidate([openingId]);
	const loop = await seed.loop(admin, candidate.id, openingId, [
		{ round: 0, interviewerIds: [interviewer.id], scheduledAt: Date.now() + 3_600_000 }
	]);
	const competency = await db.selectFrom('competency').select('id').executeTakeFirstOrThrow();
	const question = await db.selectFrom('question').select('id').executeTakeFirstOrThrow();
	const pages: [string, number][] = [
		['/openings', openingId],
		['/candidates', candidate.id],
		['/loops', loop.loopId],
		['/templates', await seed.templateId()],
		['/library', competency.id],
		['/library/questions', question.id]
	];
	await seed.signIn(page.context(), admin);
	const statusOf = async (path: string) => (await page.request.get(path, { maxRedirects: 0 })).status();
	// Leading zeros too: each thing has one address, as in the API.
	const misspelt = (id: number) => [
		`${id}e0`,
		`0x${id.toString(16)}`,
		`%20${id}`,
		`0${id}`,
		`+${id}`,
		`${id}.0`
	];
	for (const [base, id] of pages) {
		expect(await statusOf(`${base}/${id}`), `${base}/${id}`).toBe(200);
		for (const spelling of misspelt(id))
			expect(await statusOf(`${base}/${spelling}`), `${base}/${spelling}`).toBe(404);
	}
	const kit = loop.scorecards[0]!.id;
	await page.context().clearCookies();
	await seed.signIn(page.context(), interviewer);
	expect(await statusOf(`/interviews/${kit}`)).toBe(200);
	for (const spelling of misspelt(kit)) expect(await statusOf(`/interviews/${spelling}`), spelling).toBe(404);
});

test('page numbers and ids in query strings are clamped or refused, never a server error', async ({
	page,
	request,
	seed
}) => {
	const admin = await seed.user('admin');
	const openingId = await seed.opening([admin]);
	await seed.signIn(page.context(), admin);
	const token = await tokenFor(seed, admin);
	const values = ['1e309', '-1', '0', 'abc', '2.5', '0x10', '99999999999999999999', '1e15', ''];
	for (const value of values) {
		const q = encodeURIComponent(value);
		for (const path of [
			`/candidates?page=${q}`,
			`/openings/${openingId}?page=${q}`,
			`/calibration?page=${q}`,
			`/candidates?opening=${q}`,
			`/library/questions?competency=${q}`,
			`/candidates/new?opening=${q}`
		]) {
			expect((await page.request.get(path)).status(), path).toBe(200);
		}
		const audit = (await page.request.get(`/admin/audit?page=${q}`)).status();
		expect([200, 400], `audit page ${value}`).toContain(audit);
		const loopsNew = (await page.request.get(`/loops/new?opening=${openingId}&candidate=${q}`)).status();
		expect(loopsNew, `loops/new ${value}`).toBe(404);
		const api = await request.get(`/api/v1/candidates?page=${q}`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect([200, 422], `api page ${value}`).toContain(api.status());
		contract.check('GET', '/candidates', api.status(), await api.json());
	}
	// A page past the end is an empty page.
	await page.goto('/candidates?page=1e309');
	await expect(page.getByRole('heading', { name: 'Candidates', level: 1 })).toBeVisible();
});

test('signed-in answers are never cached, and static files are not sniffed', async ({ page, seed }) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	const html = await page.request.get('/candidates');
	expect(html.headers()['cache-control']).toBe('no-store');
	const api = await page.request.get('/api/v1/competencies');
	expect(api.status()).toBe(200);
	expect(api.headers()['cache-control']).toBe('no-store');

	const shell = await (await page.request.get('/login')).text();
	const asset = /\/_app\/immutable\/[^"]+\.js/.exec(shell)?.[0];
	expect(asset).toBeDefined();
	for (const path of [asset!, '/favicon.svg']) {
		const file = await page.request.get(path);
		expect(file.status(), path).toBe(200);
		expect(file.headers()['x-content-type-options'], path).toBe('nosniff');
	}
	// Built files keep their long cache: their names change with their content.
	expect((await page.request.get(asset!)).headers()['cache-control']).toContain('immutable');
});
