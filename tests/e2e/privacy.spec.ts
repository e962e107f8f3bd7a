import fs from 'node:fs';
import { ApiContract, clientFor } from './support/api';
import { expectNoViolations } from './support/axe';
import { recordDecision } from '../../src/lib/server/evaluation/debriefs';
import { expect, skipBrowserValidation, test, type Seed } from './support/fixtures';

// A candidate's personal data (decision 024): erasure, confirmed by typing the name, and the
// legal hold that stops it; through the page and the API.

/** A candidate whose one loop is submitted and decided, with words about them in it. */
async function decidedCandidate(seed: Seed) {
	const recruiter = await seed.user('recruiter');
	const panelist = await seed.user('interviewer');
	const openingId = await seed.opening([await seed.user('interviewer')]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [panelist.id], scheduledAt: Date.now() - 86_400_000 }
	]);
	await seed.submitScorecard(panelist, scorecards[0]!.id, 4);
	await seed.decide(recruiter, loopId, { outcome: 'hire', rationale: `Hire ${candidate.name}`, dissent: '' });
	return { recruiter, panelist, candidate, loopId };
}

test('a recruiter anonymises a candidate after typing their name; the loop keeps its numbers', async ({
	page,
	seed
}) => {
	const { recruiter, panelist, candidate, loopId } = await decidedCandidate(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/candidates/${candidate.id}`);
	const section = page.getByRole('region', { name: 'Personal data' });
	await section.getByLabel('Who asked, and why').fill('Erasure request by email, ticket 12');
	await section.getByLabel(`Type ${candidate.name} to confirm`).fill('someone else');
	await section.getByRole('button', { name: 'Anonymise for good' }).click();
	await expect(section.getByRole('alert')).toBeFocused();
	await expect(section.getByRole('link', { name: /Type the candidate’s name exactly/ })).toBeVisible();

	await section.getByLabel(`Type ${candidate.name} to confirm`).fill(candidate.name);
	await section.getByRole('button', { name: 'Anonymise for good' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Anonymised candidate ${candidate.id}`);
	await expect(page.getByRole('status')).toContainText('Anonymised on');
	await expect(page.getByRole('region', { name: 'Personal data' })).toHaveCount(0);

	await page.goto(`/loops/${loopId}/results`);
	await expect(page.getByText(candidate.name)).toHaveCount(0);
	await expect(page.getByText('Strong yes').first()).toBeVisible();

	// The panelist's notice of the interview names the anonymised candidate, and still links to it.
	await page.context().clearCookies();
	await seed.signIn(page.context(), panelist);
	await page.goto('/notifications');
	await expect(
		page.getByRole('link', { name: new RegExp(`^Interview with Anonymised candidate ${candidate.id} · `) })
	).toHaveAttribute('href', /^\/interviews\/\d+$/);
	await expect(page.getByText(candidate.name)).toHaveCount(0);
});

test('a legal hold stops the erasure; only an admin lifts it', async ({ page, seed }) => {
	const { recruiter, candidate } = await decidedCandidate(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/candidates/${candidate.id}`);
	const section = page.getByRole('region', { name: 'Personal data' });
	await section.getByLabel('Reason for a legal hold').fill('Tribunal claim 2026/31');
	await section.getByRole('button', { name: 'Place a legal hold' }).click();
	await expect(section).toContainText('Legal hold since');
	await expect(section).toContainText('Only an admin can lift it.');
	await expect(section.getByRole('button', { name: 'Anonymise for good' })).toHaveCount(0);

	const admin = await seed.user('admin');
	await page.context().clearCookies();
	await seed.signIn(page.context(), admin);
	await page.goto(`/candidates/${candidate.id}`);
	await page.getByRole('button', { name: 'Lift the legal hold' }).click();
	await expect(section.getByRole('button', { name: 'Anonymise for good' })).toBeVisible();
});

test('the API anonymises for admins only: 200 with the candidate, 409 under a legal hold', async ({
	request,
	seed
}) => {
	const contract = await ApiContract.load(request);
	const admin = await seed.user('admin');
	const api = await clientFor(request, contract, seed, admin);
	const held = await decidedCandidate(seed);
	const free = await decidedCandidate(seed);
	const recruiterApi = await clientFor(request, contract, seed, free.recruiter);
	const path = '/candidates/{id}/anonymise';

	expect(
		(await recruiterApi.post(path, { reason: 'Asked' }, { params: { id: free.candidate.id } })).status
	).toBe(403);
	expect((await api.post(path, { reason: '' }, { params: { id: free.candidate.id } })).status).toBe(422);
	expect((await api.post(path, { reason: 'Asked' }, { params: { id: 999_999_999 } })).status).toBe(404);

	await seed.placeLegalHold(held.recruiter, held.candidate.id, 'Audit');
	const refused = await api.post(path, { reason: 'Asked' }, { params: { id: held.candidate.id } });
	expect(refused.status).toBe(409);
	expect(refused.body.error).toMatch(/legal hold/);

	const done = await api.post(path, { reason: 'Asked by phone' }, { params: { id: free.candidate.id } });
	expect(done.status).toBe(200);
	expect(done.body).toMatchObject({ name: `Anonymised candidate ${free.candidate.id}`, notes: '' });
	expect(done.body.anonymisedAt).toEqual(expect.any(String));
	expect((await api.post(path, { reason: 'Again' }, { params: { id: free.candidate.id } })).status).toBe(409);
});

test('a recruiter opens everything held about a candidate in one click; it prints without the app around it', async ({
	page,
	seed
}) => {
	const { recruiter, candidate } = await decidedCandidate(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/candidates/${candidate.id}`);
	await page.getByRole('link', { name: 'Everything held about them' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Everything held about ${candidate.name}`);
	await expect(page.getByText(`Rationale: Hire ${candidate.name}`)).toBeVisible();
	await expect(page.getByRole('cell', { name: /loop\.decided/ }).first()).toBeVisible();
	await expectNoViolations(page);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download as JSON' }).click();
	const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8')) as {
		candidate: { name: string };
	};
	expect(file.candidate.name).toBe(candidate.name);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Download as JSON' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the API’s subject access export is for hiring staff; an interviewer is refused', async ({
	request,
	seed
}) => {
	const contract = await ApiContract.load(request);
	const { recruiter, panelist, candidate } = await decidedCandidate(seed);
	const path = '/candidates/{id}/export';
	const answer = await (
		await clientFor(request, contract, seed, recruiter)
	).get(path, {
		params: { id: candidate.id }
	});
	expect(answer.status).toBe(200);
	expect(answer.body).toMatchObject({ candidate: { name: candidate.name } });
	const refused = await (
		await clientFor(request, contract, seed, panelist)
	).get(path, {
		params: { id: candidate.id }
	});
	expect(refused.status).toBe(403);
});

test('an admin sets how long candidates’ data is kept and sees who is anonymised in the next 30 days', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const panelist = await seed.user('interviewer');
	const openingId = await seed.opening([await seed.user('interviewer')]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [panelist.id], scheduledAt: Date.now() - 86_400_000 }
	]);
	await seed.submitScorecard(panelist, scorecards[0]!.id);
	// Decided 720 days ago: 24 months after that is about ten days away.
	await recordDecision(
		seed.db,
		recruiter,
		loopId,
		{ outcome: 'no_hire', rationale: 'Not now', dissent: '', attendeeIds: [recruiter.id], changeReason: '' },
		Date.now() - 720 * 86_400_000
	);
	await seed.signIn(page.context(), await seed.user('admin'));
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
	await expect(page.getByRole('region', { name: /Anonymised in the next 30 days/ })).toContainText(
		candidate.name
	);

	const months = page.getByLabel('Months to keep candidates’ data');
	await months.fill('11');
	await skipBrowserValidation(page);
	await page.getByRole('button', { name: 'Save retention' }).click();
	await expect(page.getByRole('link', { name: 'Keep candidates’ data at least 12 months' })).toBeVisible();
	await page.getByLabel('Months to keep candidates’ data').fill('36');
	await page.getByRole('button', { name: 'Save retention' }).click();
	await expect(page.getByRole('status')).toHaveText('Retention saved.');
	await expect(page.getByRole('region', { name: /Anonymised in the next 30 days/ })).not.toContainText(
		candidate.name
	);
	await page.getByLabel('Months to keep candidates’ data').fill('24');
	await page.getByRole('button', { name: 'Save retention' }).click();
	await expect(page.getByRole('region', { name: /Anonymised in the next 30 days/ })).toContainText(
		candidate.name
	);
	await expectNoViolations(page);
});
