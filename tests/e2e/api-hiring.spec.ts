import { randomUUID } from 'node:crypto';
import { ApiContract, clientFor, type ApiClient } from './support/api';
import { expect, test, type Seed, type SeededUser } from './support/fixtures';

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

interface LoopJson {
	id: string;
	rounds: {
		round: number;
		title: string;
		competencies: { id: string; name: string }[];
		panel: { scorecardId: string; interviewerId: string; status: string }[];
	}[];
}

/** A recruiter's script sets up an opening, a candidate and a two-round loop, all through the API. */
async function hiringThroughApi(seed: Seed, request: Parameters<typeof clientFor>[0]) {
	const people = {
		recruiter: await seed.user('recruiter'),
		manager: await seed.user('interviewer'),
		first: await seed.user('interviewer'),
		second: await seed.user('interviewer'),
		stranger: await seed.user('interviewer')
	};
	const as = {} as Record<keyof typeof people, ApiClient>;
	for (const [key, user] of Object.entries(people) as [keyof typeof people, SeededUser][]) {
		as[key] = await clientFor(request, contract, seed, user);
	}
	const templates = await as.recruiter.get<{ templates: { id: string; name: string }[] }>('/templates');
	const templateId = templates.body.templates.find((t) => t.name === 'Senior Software Engineer')!.id;
	const opening = await as.recruiter.post('/openings', {
		title: `Backend Engineer ${randomUUID().slice(0, 6)}`,
		team: 'Payments',
		level: 'Senior',
		templateId,
		hiringManagerIds: [String(people.manager.id)]
	});
	expect(opening.status).toBe(201);
	expect(opening.body).toMatchObject({
		status: 'open',
		candidates: 0,
		templateName: 'Senior Software Engineer'
	});
	const candidate = await as.recruiter.post('/candidates', {
		name: 'Grace Hopper',
		email: `grace-${randomUUID().slice(0, 8)}@candidates.example.org`,
		openingIds: [opening.body.id]
	});
	expect(candidate.status).toBe(201);
	const loop = await as.manager.post<LoopJson>('/loops', {
		candidateId: candidate.body.id,
		openingId: opening.body.id,
		panel: [
			{ round: 0, interviewerIds: [String(people.first.id)], scheduledAt: '2026-03-02T10:00:00Z' },
			{ round: 1, interviewerIds: [String(people.second.id)], scheduledAt: '2026-03-02T11:30:00+00:00' }
		]
	});
	expect(loop.status).toBe(201);
	return {
		people,
		as,
		openingId: opening.body.id as string,
		candidateId: candidate.body.id as string,
		loop: loop.body
	};
}

test('openings, candidates and loops are created through the API and seen only by those who may', async ({
	request,
	seed
}) => {
	const { people, as, openingId, candidateId, loop } = await hiringThroughApi(seed, request);
	expect(loop.rounds.map((r) => r.title)).toEqual([
		'Coding',
		'System design',
		'Code reading and debugging',
		'Ownership and communication',
		'Delivery and collaboration'
	]);
	expect(loop.rounds[0]!.panel).toEqual([
		expect.objectContaining({ interviewerId: String(people.first.id), status: 'not_started' })
	]);
	expect(loop.rounds[1]!.panel[0]!.interviewerId).toBe(String(people.second.id));
	expect(loop.rounds[2]!.panel).toEqual([]);

	// The hiring manager sees their opening, its candidate and its loop.
	const managed = await as.manager.get<{ openings: { id: string }[] }>('/openings');
	expect(managed.body.openings.map((o) => o.id)).toEqual([openingId]);
	expect((await as.manager.get('/openings/{id}', { params: { id: openingId } })).body.candidates).toBe(1);
	const candidates = await as.manager.get<{ candidates: { id: string }[]; total: number }>('/candidates');
	expect(candidates.body.candidates.map((c) => c.id)).toEqual([candidateId]);
	expect((await as.manager.get('/candidates/{id}', { params: { id: candidateId } })).body.name).toBe(
		'Grace Hopper'
	);
	expect((await as.manager.get('/loops/{id}', { params: { id: loop.id } })).status).toBe(200);

	// Someone with no part in it learns nothing, not even that these exist.
	for (const [template, id] of [
		['/openings/{id}', openingId],
		['/openings/{id}/comparison', openingId],
		['/candidates/{id}', candidateId],
		['/loops/{id}', loop.id],
		['/loops/{id}/results', loop.id]
	] as const) {
		const answer = await as.stranger.get(template, { params: { id } });
		expect(answer.status, template).toBe(404);
	}
	expect((await as.stranger.get('/openings')).status).toBe(403);
	expect((await as.stranger.get('/candidates')).status).toBe(403);
	// A panelist knows the loop, but does not run it.
	expect((await as.first.get('/loops/{id}', { params: { id: loop.id } })).status).toBe(403);
	// Interviewers cannot create loops of openings they do not manage.
	const refused = await as.first.post('/loops', { candidateId, openingId, panel: [] });
	expect(refused.status).toBe(403);
});

test('a loop with a bad panel is refused with each problem, and no loop is made', async ({
	request,
	seed
}) => {
	const { people, as, openingId, candidateId } = await hiringThroughApi(seed, request);
	const before = await as.manager.get<{ candidates: unknown[] }>('/openings/{id}/comparison', {
		params: { id: openingId }
	});
	const bad = await as.manager.post('/loops', {
		candidateId,
		openingId,
		panel: [
			{ round: 0, interviewerIds: [String(people.first.id)], scheduledAt: 'next Tuesday' },
			{ round: 1, interviewerIds: [], scheduledAt: '2026-03-02T11:30:00Z' }
		]
	});
	expect(bad.status).toBe(422);
	expect(bad.body.issues).toEqual([
		{
			path: 'panel.0.scheduledAt',
			message: 'Give an ISO 8601 time with its zone, like 2026-11-24T10:00:00Z'
		},
		{ path: 'panel.1.interviewerIds', message: 'Choose at least one interviewer' }
	]);
	// (A new candidate: the first already has a loop in this opening.)
	const another = await as.recruiter.post('/candidates', {
		name: 'Alan Turing',
		email: `alan-${randomUUID().slice(0, 8)}@candidates.example.org`,
		openingIds: [openingId]
	});
	const noRound = await as.manager.post('/loops', {
		candidateId: another.body.id,
		openingId,
		panel: [{ round: 9, interviewerIds: [String(people.first.id)], scheduledAt: '2026-03-02T10:00:00Z' }]
	});
	expect(noRound.status).toBe(422);
	expect(noRound.body.issues).toEqual([{ path: 'panel.0.round', message: expect.any(String) }]);
	const after = await as.manager.get<{ candidates: unknown[] }>('/openings/{id}/comparison', {
		params: { id: openingId }
	});
	expect(after.body.candidates).toHaveLength(before.body.candidates.length);
});

test('a panelist writes a scorecard live, meets a conflict, submits, then sees the panel’s result', async ({
	request,
	seed
}) => {
	const { people, as, openingId, loop } = await hiringThroughApi(seed, request);
	const mine = loop.rounds[0]!.panel[0]!.scorecardId;
	const theirs = loop.rounds[1]!.panel[0]!.scorecardId;
	const competencies = loop.rounds[0]!.competencies;

	const fresh = await as.first.get('/scorecards/{id}', { params: { id: mine } });
	expect(fresh.body).toMatchObject({ status: 'not_started', recommendation: null, ratings: [] });
	expect(fresh.headers.etag).toBe(`"${fresh.body.version}"`);
	// A colleague's scorecard does not exist for me; nor do results before I submit.
	expect((await as.first.get('/scorecards/{id}', { params: { id: theirs } })).status).toBe(404);
	expect((await as.first.get('/loops/{id}/results', { params: { id: loop.id } })).status).toBe(404);

	const draft = {
		recommendation: 3,
		summary: 'Solid.',
		ratings: competencies.map((c) => ({
			competencyId: c.id,
			rating: 3,
			notAssessedReason: null,
			evidence: ''
		})),
		notes: []
	};
	const noVersion = await as.first.put('/scorecards/{id}', draft, { params: { id: mine } });
	expect(noVersion.status).toBe(428);
	const saved = await as.first.put('/scorecards/{id}', draft, {
		params: { id: mine },
		headers: { 'if-match': `"${fresh.body.version}"` }
	});
	expect(saved.status).toBe(200);
	const version = saved.body.version as number;
	expect(version).toBeGreaterThan(fresh.body.version as number);

	// A second copy based on the old version is refused, and says what is saved now.
	const stale = await as.first.put(
		'/scorecards/{id}',
		{ ...draft, summary: 'Other tab.' },
		{ params: { id: mine }, headers: { 'if-match': `"${fresh.body.version}"` } }
	);
	expect(stale.status).toBe(409);
	expect(stale.body).toMatchObject({ version, current: { summary: 'Solid.' } });
	const invalid = await as.first.put(
		'/scorecards/{id}',
		{ ...draft, ratings: [{ ...draft.ratings[0], rating: 5 }] },
		{ params: { id: mine }, headers: { 'if-match': `"${version}"` } }
	);
	expect(invalid.status).toBe(422);
	expect(invalid.body.issues).toEqual([{ path: 'ratings.0.rating', message: 'A rating is 1, 2, 3 or 4' }]);
	expect((await as.first.get('/scorecards/{id}', { params: { id: mine } })).body).toMatchObject({
		version,
		summary: 'Solid.'
	});
	// Someone else cannot write my scorecard.
	const intruder = await as.second.put('/scorecards/{id}', draft, {
		params: { id: mine },
		headers: { 'if-match': `"${version}"` }
	});
	expect(intruder.status).toBe(404);

	const incomplete = await as.first.post('/scorecards/{id}/submit', {}, { params: { id: mine } });
	expect(incomplete.status).toBe(422);
	expect(incomplete.body.issues).toEqual(
		competencies.map((c) => ({
			path: `evidence.${c.id}`,
			message: `Add the evidence behind your ${c.name} rating`
		}))
	);
	const complete = await as.first.put(
		'/scorecards/{id}',
		{ ...draft, ratings: draft.ratings.map((r) => ({ ...r, evidence: 'Wrote tests first.' })) },
		{ params: { id: mine }, headers: { 'if-match': `"${version}"` } }
	);
	expect(complete.status).toBe(200);
	const submitted = await as.first.post('/scorecards/{id}/submit', {}, { params: { id: mine } });
	expect(submitted.status).toBe(200);
	expect(submitted.body.status).toBe('submitted');
	const late = await as.first.put('/scorecards/{id}', draft, {
		params: { id: mine },
		headers: { 'if-match': `"${submitted.body.version}"` }
	});
	expect(late.status).toBe(409);

	// After my own is in (this template shows feedback after one's own), I see the result.
	const partial = await as.first.get('/loops/{id}/results', { params: { id: loop.id } });
	expect(partial.status).toBe(200);
	expect(partial.body.missing).toEqual([String(people.second.id)]);
	// Colleagues' leniency is a calibration figure: not for a panelist.
	const adjusted = await as.first.get('/loops/{id}/results', {
		params: { id: loop.id },
		query: { adjusted: 'true' }
	});
	expect(adjusted.status).toBe(403);
	await seed.submitScorecard(people.second, Number(theirs), 2, 2);
	const results = await as.first.get<{
		competencies: { competencyId: string; n: number; mean: number; ratings: unknown[] }[];
		missing: string[];
		recommendations: { counts: Record<string, number>; mean: number };
	}>('/loops/{id}/results', { params: { id: loop.id } });
	expect(results.body.missing).toEqual([]);
	expect(results.body.recommendations).toMatchObject({ counts: { 1: 0, 2: 1, 3: 1, 4: 0 }, mean: 2.5 });
	const coding = results.body.competencies.find((c) => c.competencyId === competencies[0]!.id)!;
	expect(coding).toMatchObject({ n: 1, mean: 3 });
	expect((await as.first.get('/scorecards/{id}', { params: { id: theirs } })).body.summary).toMatch(
		/Summary by/
	);

	// The hiring manager compares and decides; a panelist may not decide.
	const comparison = await as.manager.get<{
		candidates: { loopId: string; visible: boolean; recommendations: { mean: number } }[];
	}>('/openings/{id}/comparison', { params: { id: openingId } });
	expect(comparison.body.candidates).toEqual([
		expect.objectContaining({
			loopId: loop.id,
			visible: true,
			recommendations: expect.objectContaining({ mean: 2.5 })
		})
	]);
	const decision = {
		outcome: 'hire',
		rationale: 'Strong coding; design is coachable.',
		attendeeIds: [String(people.manager.id), String(people.first.id)]
	};
	expect((await as.first.post('/loops/{id}/decision', decision, { params: { id: loop.id } })).status).toBe(
		403
	);
	expect((await as.stranger.post('/loops/{id}/decision', decision, { params: { id: loop.id } })).status).toBe(
		404
	);
	const decided = await as.manager.post('/loops/{id}/decision', decision, { params: { id: loop.id } });
	expect(decided.status).toBe(201);
	expect(decided.body).toMatchObject({ outcome: 'hire', changeReason: null, dissent: '' });
	const unexplained = await as.manager.post(
		'/loops/{id}/decision',
		{ ...decision, outcome: 'hold' },
		{ params: { id: loop.id } }
	);
	expect(unexplained.status).toBe(422);
	expect(unexplained.body.issues).toEqual([
		{ path: 'changeReason', message: 'Say why the decision changes' }
	]);
	expect((await as.manager.get('/loops/{id}', { params: { id: loop.id } })).body.outcome).toBe('hire');
});

test('calibration through the API follows the viewer’s scope and checks its dates', async ({
	request,
	seed
}) => {
	const { people, as, loop } = await hiringThroughApi(seed, request);
	await seed.submitScorecard(people.first, Number(loop.rounds[0]!.panel[0]!.scorecardId), 4, 4);
	await seed.submitScorecard(people.second, Number(loop.rounds[1]!.panel[0]!.scorecardId), 2, 2);
	const range = { from: '2026-03-01', to: '2026-03-31' };

	const staff = await as.recruiter.get<{
		scope: string;
		interviewers: { userId: string; scorecards: number }[];
	}>('/calibration', { query: range });
	expect(staff.body.scope).toBe('all');
	const ids = staff.body.interviewers.map((i) => i.userId);
	expect(ids).toEqual(expect.arrayContaining([String(people.first.id), String(people.second.id)]));

	const own = await as.first.get<{
		scope: string;
		interviewers: { userId: string }[];
		competencies: unknown[];
	}>('/calibration', { query: range });
	expect(own.body).toMatchObject({ scope: 'own', competencies: [] });
	expect(own.body.interviewers.map((i) => i.userId)).toEqual([String(people.first.id)]);

	const manager = await as.manager.get<{ scope: string; interviewers: { userId: string }[] }>(
		'/calibration',
		{
			query: range
		}
	);
	expect(manager.body.scope).toBe('openings');
	expect(manager.body.interviewers.map((i) => i.userId).sort()).toEqual(
		[String(people.first.id), String(people.second.id)].sort()
	);

	const bad = await as.recruiter.get('/calibration', { query: { from: '2026-02-30' } });
	expect(bad.status).toBe(422);
	expect(bad.body.issues).toEqual([{ path: 'query.from', message: expect.stringContaining('YYYY-MM-DD') }]);
	const backwards = await as.recruiter.get('/calibration', {
		query: { from: '2026-03-31', to: '2026-03-01' }
	});
	expect(backwards.status).toBe(422);
	expect(backwards.body.issues).toEqual([
		{ path: 'query.to', message: 'The end date comes before the start date' }
	]);
});

test('a script imports candidates from a CSV file: all or nothing, with each row’s problem', async ({
	request,
	seed
}) => {
	const { as, openingId } = await hiringThroughApi(seed, request);
	const tag = randomUUID().slice(0, 6);
	const csv = (rows: string[]) => ({
		raw: { contentType: 'text/csv', data: ['name,email,notes', ...rows].join('\n') }
	});
	const bad = await as.recruiter.call('POST', '/openings/{id}/candidates/import', {
		params: { id: openingId },
		...csv([`Ada ${tag},ada-${tag}@example.org,`, `,nobody-${tag}@example.org,`, `Bob ${tag},not-an-email,`])
	});
	expect(bad.status).toBe(422);
	expect(bad.body.issues).toEqual([
		{ path: 'rows[2].name', message: 'Row 3, name: Enter a name' },
		{ path: 'rows[3].email', message: expect.stringMatching(/^Row 4, email: Enter a valid email address/) }
	]);
	const before = await as.recruiter.get<{ total: number }>('/candidates', { query: { openingId } });

	const good = await as.recruiter.call('POST', '/openings/{id}/candidates/import', {
		params: { id: openingId },
		...csv([`Ada ${tag},ada-${tag}@example.org,Referred by Grace`, `Bob ${tag},bob-${tag}@example.org,`])
	});
	expect(good.status).toBe(200);
	expect(good.body).toMatchObject({ openingId, created: 2, linked: 0, unchanged: 0 });
	const after = await as.recruiter.get<{ total: number }>('/candidates', { query: { openingId } });
	expect(after.body.total).toBe(before.body.total + 2);
	const again = await as.recruiter.call('POST', '/openings/{id}/candidates/import', {
		params: { id: openingId },
		...csv([`Ada ${tag},ada-${tag}@example.org,`])
	});
	expect(again.body).toMatchObject({ created: 0, unchanged: 1 });

	// A hiring manager does not add candidates; someone else's opening does not exist.
	expect(
		(
			await as.manager.call('POST', '/openings/{id}/candidates/import', {
				params: { id: openingId },
				...csv([])
			})
		).status
	).toBe(403);
	expect(
		(
			await as.recruiter.call('POST', '/openings/{id}/candidates/import', {
				params: { id: 999999 },
				...csv([])
			})
		).status
	).toBe(404);
	const huge = await as.recruiter.call('POST', '/openings/{id}/candidates/import', {
		params: { id: openingId },
		raw: { contentType: 'text/csv', data: 'name,email\n' + 'x'.repeat(501 * 1024) }
	});
	expect(huge.status).toBe(413);
});
