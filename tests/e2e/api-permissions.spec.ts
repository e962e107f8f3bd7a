import { ApiContract, clientFor, type ApiClient } from './support/api';
import { expect, test } from './support/fixtures';

// docs/design.md's permission table, row by row, through the API. The loop's panelist has not
// submitted yet, so the independence rule still hides the panel's feedback from them.

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

type Who = 'admin' | 'recruiter' | 'manager' | 'panelist' | 'other';

test('every role gets exactly what the permission table gives it', async ({ request, seed }) => {
	const users = {
		admin: await seed.user('admin'),
		recruiter: await seed.user('recruiter'),
		manager: await seed.user('interviewer'),
		panelist: await seed.user('interviewer'),
		other: await seed.user('interviewer')
	};
	const openingId = await seed.opening([users.manager]);
	const candidate = await seed.candidate([openingId]);
	const loop = await seed.loop(users.manager, candidate.id, openingId, [
		{ round: 0, interviewerIds: [users.panelist.id], scheduledAt: Date.UTC(2026, 2, 2, 10) }
	]);
	const scorecardId = loop.scorecards[0]!.id;
	const as = {} as Record<Who, ApiClient>;
	for (const who of Object.keys(users) as Who[])
		as[who] = await clientFor(request, contract, seed, users[who]);

	const table: [string, string, Record<string, string | number>, Record<Who, number>][] = [
		['GET', '/users', {}, { admin: 200, recruiter: 403, manager: 403, panelist: 403, other: 403 }],
		['GET', '/competencies', {}, { admin: 200, recruiter: 200, manager: 403, panelist: 403, other: 403 }],
		['GET', '/templates', {}, { admin: 200, recruiter: 200, manager: 403, panelist: 403, other: 403 }],
		['GET', '/openings', {}, { admin: 200, recruiter: 200, manager: 200, panelist: 403, other: 403 }],
		[
			'GET',
			'/openings/{id}',
			{ id: openingId },
			{ admin: 200, recruiter: 200, manager: 200, panelist: 404, other: 404 }
		],
		[
			'GET',
			'/candidates/{id}',
			{ id: candidate.id },
			{ admin: 200, recruiter: 200, manager: 200, panelist: 404, other: 404 }
		],
		[
			'GET',
			'/loops/{id}',
			{ id: loop.loopId },
			{ admin: 200, recruiter: 200, manager: 200, panelist: 403, other: 404 }
		],
		[
			'GET',
			'/loops/{id}/results',
			{ id: loop.loopId },
			{ admin: 200, recruiter: 200, manager: 200, panelist: 404, other: 404 }
		],
		[
			'GET',
			'/openings/{id}/comparison',
			{ id: openingId },
			{ admin: 200, recruiter: 200, manager: 200, panelist: 404, other: 404 }
		],
		[
			'GET',
			'/scorecards/{id}',
			{ id: scorecardId },
			{ admin: 404, recruiter: 404, manager: 404, panelist: 200, other: 404 }
		],
		['GET', '/calibration', {}, { admin: 200, recruiter: 200, manager: 200, panelist: 200, other: 200 }]
	];
	for (const [method, template, params, expected] of table) {
		const got = {} as Record<Who, number>;
		for (const who of Object.keys(as) as Who[])
			got[who] = (await as[who].call(method, template, { params })).status;
		expect(got, `${method} ${template}`).toEqual(expected);
	}

	// Calibration shows each viewer their share of it.
	const scopes = {} as Record<Who, unknown>;
	for (const who of Object.keys(as) as Who[]) scopes[who] = (await as[who].get('/calibration')).body.scope;
	expect(scopes).toEqual({
		admin: 'all',
		recruiter: 'all',
		manager: 'openings',
		panelist: 'own',
		other: 'own'
	});

	// Only the panelist fills their scorecard.
	const doc = { recommendation: null, summary: 'Mine.', ratings: [], notes: [] };
	for (const who of ['admin', 'manager', 'other'] as const) {
		const answer = await as[who].put('/scorecards/{id}', doc, {
			params: { id: scorecardId },
			headers: { 'if-match': '"1"' }
		});
		expect(answer.status, who).toBe(404);
	}
	const current = await as.panelist.get('/scorecards/{id}', { params: { id: scorecardId } });
	const own = await as.panelist.put('/scorecards/{id}', doc, {
		params: { id: scorecardId },
		headers: { 'if-match': `"${current.body.version}"` }
	});
	expect(own.status).toBe(200);
});
