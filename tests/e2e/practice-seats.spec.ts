import { ApiContract, clientFor } from './support/api';
import { expect, test } from './support/fixtures';

// Practice seats (decision 030): a recruiter seats a trainee as a shadow on the loop page or
// through the API; the loop's JSON names each seat's role.

interface LoopJson {
	id: string;
	rounds: { panel: { interviewerId: string; role: string }[] }[];
}

test('a recruiter seats a shadow on the loop page and a reverse shadow through the API; the loop shows both roles', async ({
	page,
	request,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const panelist = await seed.user('interviewer');
	const tia = await seed.user('interviewer');
	const rex = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const { loopId } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [panelist.id], scheduledAt: Date.UTC(2031, 2, 3, 9) }
	]);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/${loopId}`);
	const coding = page.getByRole('listitem').filter({ hasText: '1. Coding' });
	await coding.getByLabel('Add interviewer').selectOption({ label: tia.name });
	await coding.getByLabel('Seat').selectOption({ label: 'Shadow (practice)' });
	await coding.getByLabel('Date and time').fill('2031-03-03T09:00');
	await coding.getByRole('button', { name: 'Add to Coding' }).click();
	await expect(coding.getByRole('row', { name: new RegExp(tia.name) })).toContainText('Shadow (practice)');
	await expect(coding.getByRole('row', { name: new RegExp(panelist.name) })).not.toContainText('practice');

	const api = await clientFor(request, await ApiContract.load(request), seed, recruiter);
	const created = await api.post<LoopJson>('/loops', {
		candidateId: String((await seed.candidate([openingId])).id),
		openingId: String(openingId),
		panel: [
			{ round: 0, interviewerIds: [String(panelist.id)], scheduledAt: '2031-03-04T09:00:00Z' },
			{
				round: 0,
				interviewerIds: [String(rex.id)],
				scheduledAt: '2031-03-04T09:00:00Z',
				role: 'reverse_shadow'
			}
		]
	});
	expect(created.status).toBe(201);
	expect(created.body.rounds[0]!.panel.map((p) => [p.interviewerId, p.role]).sort()).toEqual(
		[
			[String(panelist.id), 'interviewer'],
			[String(rex.id), 'reverse_shadow']
		].sort()
	);
	const refused = await api.post('/loops', {
		candidateId: String((await seed.candidate([openingId])).id),
		openingId: String(openingId),
		panel: [
			{ round: 0, interviewerIds: [String(rex.id)], scheduledAt: '2031-03-04T09:00:00Z', role: 'observer' }
		]
	});
	expect(refused.status).toBe(422);
	const shown = await api.get<LoopJson>('/loops/{id}', { params: { id: String(loopId) } });
	expect(shown.body.rounds[0]!.panel.find((p) => p.interviewerId === String(tia.id))!.role).toBe('shadow');
});

test('once the loop is decided, the trainee’s practice card shows beside the panel’s to recruiters, not to panelists', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const panelist = await seed.user('interviewer');
	const tia = await seed.user('interviewer');
	const openingId = await seed.opening([await seed.user('interviewer')]);
	const candidate = await seed.candidate([openingId]);
	const at = Date.now() - 86_400_000;
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [panelist.id], scheduledAt: at },
		{ round: 0, interviewerIds: [tia.id], scheduledAt: at, role: 'shadow' }
	]);
	const card = (id: number) => scorecards.find((s) => s.interviewerId === id)!.id;
	await seed.submitScorecard(panelist, card(panelist.id), 4);
	await seed.submitScorecard(tia, card(tia.id), 1);

	await seed.signIn(page.context(), tia);
	expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(403);
	await seed.decide(recruiter, loopId, { outcome: 'hire', rationale: 'Strong coding', dissent: '' });
	await page.goto(`/loops/${loopId}/results`);
	const practice = page.getByRole('region', { name: 'Practice scorecards' });
	await expect(practice.getByRole('article', { name: `${tia.name}’s scorecard` })).toContainText('Strong no');
	await expect(page.getByRole('region', { name: 'Each panelist' })).not.toContainText(tia.name);

	await page.context().clearCookies();
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/${loopId}/results`);
	await expect(practice.getByRole('article', { name: `${tia.name}’s scorecard` })).toBeVisible();

	await page.context().clearCookies();
	await seed.signIn(page.context(), panelist);
	await page.goto(`/loops/${loopId}/results`);
	await expect(page.getByRole('region', { name: 'Each panelist' })).toContainText(panelist.name);
	await expect(page.getByRole('region', { name: 'Practice scorecards' })).toHaveCount(0);
	await expect(page.locator('main')).not.toContainText(tia.name);
});

test('a recruiter on a strict loop’s panel reads no practice card until their own card and the whole panel’s are in', async ({
	page,
	request,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const rita = await seed.user('recruiter');
	const panelist = await seed.user('interviewer');
	const sam = await seed.user('interviewer');
	const tia = await seed.user('interviewer');
	const openingId = await seed.opening([await seed.user('interviewer')]);
	const candidate = await seed.candidate([openingId]);
	const at = Date.now() - 86_400_000;
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [panelist.id, rita.id], scheduledAt: at },
		{ round: 0, interviewerIds: [tia.id], scheduledAt: at, role: 'reverse_shadow' },
		{ round: 1, interviewerIds: [sam.id], scheduledAt: at }
	]);
	await seed.db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
	const card = (id: number) => scorecards.find((s) => s.interviewerId === id)!.id;
	await seed.submitScorecard(panelist, card(panelist.id), 4);
	await seed.submitScorecard(tia, card(tia.id), 1);
	await seed.decide(recruiter, loopId, { outcome: 'hire', rationale: 'Strong coding', dissent: '' });

	await seed.signIn(page.context(), rita);
	const api = await clientFor(request, await ApiContract.load(request), seed, rita);
	const expectRefused = async (why: RegExp) => {
		expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(403);
		await expect(page.locator('main')).toContainText(why);
		await expect(page.locator('main')).not.toContainText(`Summary by ${tia.name}`);
		const loopData = await (await page.request.get(`/loops/${loopId}/__data.json`)).text();
		expect(loopData).not.toContain(`Summary by`);
		expect(loopData).not.toContain('Strong coding');
		// The API answers as for a card that does not exist (its documented 404).
		const practiceCard = await api.get('/scorecards/{id}', { params: { id: String(card(tia.id)) } });
		expect(practiceCard.status).toBe(404);
	};
	await expectRefused(/Submit your own scorecard first/);
	await seed.submitScorecard(rita, card(rita.id));
	await expectRefused(/until the whole panel has submitted/);

	await seed.submitScorecard(sam, card(sam.id));
	await page.goto(`/loops/${loopId}/results`);
	const practice = page.getByRole('region', { name: 'Practice scorecards' });
	await expect(practice.getByRole('article', { name: `${tia.name}’s scorecard` })).toContainText('Strong no');
	const practiceCard = await api.get('/scorecards/{id}', { params: { id: String(card(tia.id)) } });
	expect(practiceCard.body).toMatchObject({ summary: `Summary by ${tia.name}` });
});
