import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { ApiContract, clientFor } from './support/api';
import { expect, test, type Seed } from './support/fixtures';

// A decision, and an audit entry carrying feedback, are hidden from an admin,
// a recruiter or a hiring manager who sits on the loop's panel, in every door: the pages'
// data, the CSV and the API, in both visibility modes.

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

const past = () => Date.now() - 48 * 60 * 60_000;
const ownLine = 'Hidden until your own scorecard for this loop is in';
const panelLine = 'Hidden until the whole panel of this loop has submitted (strict mode)';

type Viewer = 'admin' | 'recruiter' | 'hiring manager';

/**
 * A decided loop with the viewer on its panel, their scorecard not in: Priya submitted and
 * amended hers, Rita (a recruiter off the panel) recorded the decision; Sam has not submitted.
 */
async function decidedLoop(seed: Seed, kind: Viewer, strict: boolean) {
	const tag = randomUUID().slice(0, 6);
	const rita = await seed.user('recruiter', `Rita ${tag}`);
	const viewer = await seed.user(kind === 'hiring manager' ? 'interviewer' : kind, `Viewer ${tag}`);
	const priya = await seed.user('interviewer', `Priya ${tag}`);
	const sam = await seed.user('interviewer', `Sam ${tag}`);
	const manager = kind === 'hiring manager' ? viewer : await seed.user('interviewer');
	const openingId = await seed.opening([manager], `Independence ${tag}`);
	const candidate = await seed.candidate([openingId], `Ada ${tag}`);
	const { loopId, scorecards } = await seed.loop(rita, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: past() },
		{ round: 1, interviewerIds: [viewer.id], scheduledAt: past() },
		{ round: 2, interviewerIds: [sam.id], scheduledAt: past() }
	]);
	if (strict) {
		await seed.db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
	}
	const [priyaCard, viewerCard, samCard] = scorecards.map((s) => s.id) as [number, number, number];
	await seed.submitScorecard(priya, priyaCard, 4, 4);
	const amended = `Amended by Priya ${tag}`;
	await seed.amendScorecard(priya, priyaCard, amended);
	const secret = { rationale: `Rationale ${tag}: careful coder`, dissent: `Dissent ${tag}: Sam unsure` };
	await seed.decide(rita, loopId, { outcome: 'hire', ...secret });
	return { viewer, sam, openingId, candidate, loopId, priyaCard, viewerCard, samCard, amended, secret };
}

type Setting = Awaited<ReturnType<typeof decidedLoop>>;

/** The server's answer for a page's data, as the browser receives it on navigation. */
async function pageData(page: Page, path: string): Promise<string> {
	const response = await page.request.get(`${path}/__data.json`);
	expect(response.status()).toBe(200);
	return response.text();
}

async function expectHiddenEverywhere(page: Page, seed: Seed, s: Setting, line: string) {
	const secrets = [s.secret.rationale, s.secret.dissent, s.amended];
	const api = await clientFor(page.request, contract, seed, s.viewer);

	// Loop page and its data: status says decided, the history says why the decision's details are missing.
	for (const data of [
		await pageData(page, `/loops/${s.loopId}`),
		await pageData(page, `/candidates/${s.candidate.id}`)
	]) {
		for (const secret of secrets) expect(data).not.toContain(secret);
		expect(data).not.toContain('"hire"');
	}
	await page.goto(`/loops/${s.loopId}`);
	await expect(page.getByText('Decided', { exact: true })).toBeVisible();
	const history = page.getByRole('region', { name: 'Panel history' });
	await expect(history.getByRole('listitem').filter({ hasText: 'Decision recorded' })).toContainText(line);

	// Loop API: outcome null next to the flag; status stays.
	const loop = await api.get('/loops/{id}', { params: { id: s.loopId } });
	expect(loop.body).toMatchObject({ status: 'decided', outcome: null, feedbackVisible: false });

	// Comparison page, CSV and API.
	await page.goto(`/openings/${s.openingId}/comparison`);
	const row = page.getByRole('row', { name: new RegExp(s.candidate.name) });
	await expect(row).toContainText(line);
	await expect(row).not.toContainText('Hire');
	const csv = await (await page.request.get(`/openings/${s.openingId}/comparison.csv`)).text();
	const csvRow = csv.split('\r\n').find((r) => r.startsWith(s.candidate.name))!;
	expect(csvRow).toContain(line);
	expect(csvRow).not.toContain('Hire');
	const comparison = await api.get<{ candidates: Record<string, unknown>[] }>('/openings/{id}/comparison', {
		params: { id: s.openingId }
	});
	expect(comparison.body.candidates[0]).toMatchObject({ status: 'decided', outcome: null, visible: false });

	// Candidate page.
	await page.goto(`/candidates/${s.candidate.id}`);
	const loopRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Independence/ }) });
	await expect(loopRow).toContainText(line);
	await expect(loopRow).not.toContainText('Hire');

	// Audit trail: an admin on the panel reads that something was decided and amended, not what.
	if (s.viewer.role === 'admin') {
		const audit = await pageData(page, '/admin/audit');
		for (const secret of secrets) expect(audit).not.toContain(secret);
		await page.goto('/admin/audit');
		const decided = page
			.getByRole('row')
			.filter({ hasText: 'loop.decided' })
			.filter({ has: page.getByRole('link', { name: `loop ${s.loopId}`, exact: true }) });
		await expect(decided).toContainText(line);
		const amendment = page
			.getByRole('row')
			.filter({ hasText: 'scorecard.amended' })
			.filter({ hasText: new RegExp(`scorecard\\s+${s.priyaCard}(?!\\d)`) });
		await expect(amendment).toContainText(line);
		await expect(amendment.getByText('Before and after')).toHaveCount(0);
	}
}

async function expectVisible(page: Page, seed: Seed, s: Setting) {
	const api = await clientFor(page.request, contract, seed, s.viewer);
	const loop = await api.get('/loops/{id}', { params: { id: s.loopId } });
	expect(loop.body).toMatchObject({ outcome: 'hire', feedbackVisible: true });
	expect(await pageData(page, `/loops/${s.loopId}`)).toContain(s.secret.rationale);
	await page.goto(`/openings/${s.openingId}/comparison`);
	await expect(page.getByRole('row', { name: new RegExp(s.candidate.name) })).toContainText('Hire');
	if (s.viewer.role === 'admin') expect(await pageData(page, '/admin/audit')).toContain(s.amended);
}

for (const kind of ['admin', 'recruiter', 'hiring manager'] as const) {
	test(`a pending ${kind} on the panel sees no decision or amendment until their own scorecard is in`, async ({
		page,
		seed
	}) => {
		const s = await decidedLoop(seed, kind, false);
		await seed.signIn(page.context(), s.viewer);
		await expectHiddenEverywhere(page, seed, s, ownLine);
		await seed.submitScorecard(s.viewer, s.viewerCard);
		await expectVisible(page, seed, s);
	});

	test(`in strict mode, a ${kind} on the panel waits for the whole panel`, async ({ page, seed }) => {
		const s = await decidedLoop(seed, kind, true);
		await seed.signIn(page.context(), s.viewer);
		await seed.submitScorecard(s.viewer, s.viewerCard);
		await expectHiddenEverywhere(page, seed, s, panelLine);
		await seed.submitScorecard(s.sam, s.samCard);
		await expectVisible(page, seed, s);
	});
}

test('nobody removes their own seat, on the page or through the API; someone else who runs the opening can', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer', `Morgan ${randomUUID().slice(0, 6)}`);
	const priya = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id, manager.id], scheduledAt: past() }
	]);
	const seat = scorecards.find((s) => s.interviewerId === manager.id)!.id;
	const refusal =
		'You cannot take yourself off this panel: someone else who runs this opening can remove your seat.';

	await seed.signIn(page.context(), manager);
	await page.goto(`/loops/${loopId}`);
	await page.locator('summary', { hasText: manager.name }).click();
	await expect(
		page.getByText('Your own seat: someone else who runs this opening can remove it.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: `Remove ${manager.name} from Coding` })).toHaveCount(0);
	await page.locator('summary', { hasText: priya.name }).click();
	await expect(page.getByRole('button', { name: `Remove ${priya.name} from Coding` })).toBeVisible();
	// The form post a script could still make is refused, with the reason.
	const posted = await page.request.post(`/loops/${loopId}?/removePanelist`, {
		form: { scorecardId: String(seat) },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(posted.status()).toBe(403);
	expect(await posted.text()).toContain(refusal);

	const asManager = await clientFor(page.request, contract, seed, manager);
	const viaApi = await asManager.call('DELETE', '/loops/{id}/panel/{scorecardId}', {
		params: { id: loopId, scorecardId: seat }
	});
	expect(viaApi).toMatchObject({ status: 403, body: { error: refusal } });

	const asRecruiter = await clientFor(page.request, contract, seed, recruiter);
	const removed = await asRecruiter.call<{ rounds: { panel: { interviewerId: string }[] }[] }>(
		'DELETE',
		'/loops/{id}/panel/{scorecardId}',
		{ params: { id: loopId, scorecardId: seat } }
	);
	expect(removed.status).toBe(200);
	expect(removed.body.rounds[0]!.panel.map((p) => p.interviewerId)).toEqual([String(priya.id)]);
	await page.goto(`/loops/${loopId}`);
	const removal = page
		.getByRole('region', { name: 'Panel history' })
		.getByRole('listitem')
		.filter({ hasText: 'Interviewer removed' });
	await expect(removal).toContainText(`${manager.name} · Coding`);
	await expect(removal).toContainText(`by ${recruiter.name}`);
});
