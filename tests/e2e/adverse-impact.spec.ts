import fs from 'node:fs';
import { ApiContract, clientFor } from './support/api';
import { expectNoViolations } from './support/axe';
import { saveMonitoringSettings } from '../../src/lib/server/fairness/monitoring-settings';
import {
	getSelfIdentificationPath,
	saveSelfIdentification
} from '../../src/lib/server/fairness/self-identification';
import { expect, test, type Seed } from './support/fixtures';

// Adverse impact monitoring (decision 025): candidates self-identify through a private link,
// their answers reach nobody who interviews or decides.

/** Monitoring on, with a category whose options no other page could show by chance. */
async function monitorWith(seed: Seed, tag: string) {
	const admin = await seed.user('admin');
	const options = [`Heron ${tag}`, `Otter ${tag}`];
	await saveMonitoringSettings(seed.db, admin, { enabled: true, categories: [{ name: 'Group', options }] });
	return options;
}

// Monitoring's settings are the organisation's, one per server: these tests set them in turn.
test.describe.configure({ mode: 'serial' });

test('an admin turns monitoring on; the candidate answers through the link a recruiter copies, without signing in', async ({
	page,
	seed,
	db
}) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	await page.goto('/adverse-impact');
	await page.getByLabel('Invite candidates to self-identify').check();
	await page.getByLabel('Categories').fill('Gender: Woman, Man, Non-binary\nEthnicity: Asian, Black, White');
	await page.getByRole('button', { name: 'Save monitoring' }).click();
	await expect(page.getByRole('status')).toHaveText('Monitoring saved.');

	const recruiter = await seed.user('recruiter');
	const candidate = await seed.candidate([await seed.opening([await seed.user('interviewer')])]);
	await page.context().clearCookies();
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/candidates/${candidate.id}`);
	const link = await page.getByLabel('Self-identification link').inputValue();
	expect(link).toMatch(/\/self-identify\/\d+\.[\w-]+$/);

	await page.context().clearCookies();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tell us about yourself, if you wish');
	await expect(page.getByText('voluntary', { exact: true })).toBeVisible();
	const gender = page.getByRole('group', { name: 'Gender' });
	await expect(gender.getByRole('radio')).toHaveCount(4);
	await expect(gender.getByRole('radio', { name: 'Prefer not to say' })).toBeVisible();
	await gender.getByRole('radio', { name: 'Non-binary' }).check();
	await expectNoViolations(page);
	await page.getByRole('button', { name: 'Save my answers' }).click();
	await expect(page.getByRole('status')).toHaveText('Thank you: your answers are saved.');
	expect(
		await db
			.selectFrom('demographicAnswer')
			.select(['category', 'answer'])
			.where('candidateId', '=', candidate.id)
			.execute()
	).toEqual([{ category: 'Gender', answer: 'Non-binary' }]);

	await page.reload();
	await expect(page.getByRole('button', { name: 'Replace my answers' })).toBeVisible();
	await expect(gender.getByRole('radio', { name: 'Non-binary' })).not.toBeChecked();
	await page.goto(`${link}x`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
});

test('no answer reaches what an interviewer, a hiring manager or a pending panelist who is a recruiter can open', async ({
	page,
	request,
	seed
}) => {
	const tag = `${Date.now()}`;
	const [heron] = await monitorWith(seed, tag);
	const recruiter = await seed.user('recruiter');
	const pendingRecruiter = await seed.user('recruiter');
	const interviewer = await seed.user('interviewer');
	const manager = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [interviewer.id], scheduledAt: Date.now() - 86_400_000 },
		{ round: 1, interviewerIds: [pendingRecruiter.id], scheduledAt: Date.now() - 86_400_000 }
	]);
	await seed.submitScorecard(interviewer, scorecards[0]!.id, 3);
	const path = await getSelfIdentificationPath(seed.db, recruiter, candidate.id);
	await saveSelfIdentification(seed.db, path.replace('/self-identify/', ''), { category0: heron! });

	const doors: [typeof interviewer, string[], string[]][] = [
		[
			interviewer,
			[`/interviews/${scorecards[0]!.id}`, `/loops/${loopId}/results`],
			['/adverse-impact', '/adverse-impact/report.csv']
		],
		[
			manager,
			[
				`/candidates/${candidate.id}`,
				`/loops/${loopId}`,
				`/loops/${loopId}/results`,
				`/openings/${openingId}/comparison`
			],
			['/adverse-impact', '/adverse-impact/report.csv', `/candidates/${candidate.id}/record`]
		],
		[
			pendingRecruiter,
			[`/candidates/${candidate.id}`, `/candidates/${candidate.id}/record`, `/loops/${loopId}`],
			[]
		]
	];
	const contract = await ApiContract.load(request);
	for (const [who, open, refused] of doors) {
		await page.context().clearCookies();
		await seed.signIn(page.context(), who);
		for (const url of open) {
			expect((await page.goto(url))?.status(), url).toBe(200);
			expect(await page.content(), url).not.toContain(heron);
		}
		for (const url of refused) expect((await page.goto(url))?.status(), url).toBe(403);
		const api = await clientFor(request, contract, seed, who);
		const exported = await api.get('/candidates/{id}/export', { params: { id: candidate.id } });
		expect(JSON.stringify(exported.body)).not.toContain(heron);
		expect(exported.status).toBe(who === pendingRecruiter ? 200 : 403);
	}
	await page.goto(`/candidates/${candidate.id}/record`);
	await expect(page.getByText('Only an admin’s copy of this record includes them.')).toBeVisible();
});

test('a recruiter reads the report for an opening: rates, the four-fifths flag, suppression, rating gaps, and its CSV', async ({
	page,
	seed
}) => {
	const tag = `${Date.now()}`;
	const [heron, otter] = await monitorWith(seed, tag);
	const recruiter = await seed.user('recruiter');
	const openingId = await seed.opening([await seed.user('interviewer')], `Opening ${tag}`);
	// Heron: 5 loops, all positive, 3 hires. Otter: 6 loops, 2 positive, 1 hire. Prefer not to
	// say: 2, no answer: 1 (two small groups, so neither can be worked out from the other).
	type Held = [string | null, 1 | 2 | 3 | 4, boolean];
	const loops: Held[] = [
		...([4, 3, 3, 4, 3] as const).map((r, i): Held => [heron!, r, i < 3]),
		...([3, 3, 2, 1, 2, 2] as const).map((r, i): Held => [otter!, r, i === 0]),
		['Prefer not to say', 3, false],
		['Prefer not to say', 2, false],
		[null, 4, true]
	];
	// One interviewer sits on every panel: enough scorecards of both groups for their gap.
	const panelist = await seed.user('interviewer', `Rater ${tag}`);
	for (const [group, recommendation, hire] of loops) {
		const candidate = await seed.candidate([openingId]);
		const path = await getSelfIdentificationPath(seed.db, recruiter, candidate.id);
		if (group)
			await saveSelfIdentification(seed.db, path.replace('/self-identify/', ''), { category0: group });
		const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [panelist.id], scheduledAt: Date.now() - 86_400_000 }
		]);
		await seed.submitScorecard(panelist, scorecards[0]!.id, recommendation);
		await seed.decide(recruiter, loopId, {
			outcome: hire ? 'hire' : 'no_hire',
			rationale: 'Done',
			dissent: ''
		});
	}

	await seed.signIn(page.context(), recruiter);
	await page.goto('/');
	await page.getByRole('link', { name: 'Adverse impact' }).click();
	await page.getByLabel('Opening').selectOption({ label: `Opening ${tag}` });
	await page.getByRole('button', { name: 'Show' }).click();
	const table = page.getByRole('table', { name: 'Pass-through by Group' });
	const otterRow = table.getByRole('row', { name: new RegExp(`^${otter}`) });
	await expect(otterRow).toContainText('33% (2)');
	await expect(otterRow).toContainText('Below four fifths');
	await expect(otterRow).toContainText('0.061');
	await expect(table.getByRole('row', { name: new RegExp(`^${heron}`) })).toContainText('highest');
	await expect(table.getByRole('row', { name: /^No answer/ })).toContainText('fewer than 5');
	await expect(table.getByRole('row', { name: /^Prefer not to say/ })).toContainText('fewer than 5');
	// SciPy 1.17.1: ttest_ind([4,3,3,4,3], [3,3,2,1,2,2], equal_var=False) gives
	// 1.233 with the interval [0.343, 2.124].
	const gaps = page.getByRole('table', { name: /Mean rating gap/ });
	const rater = gaps.getByRole('row', { name: new RegExp(`^Rater ${tag}`) });
	await expect(rater.getByRole('cell').first()).toContainText('+1.23 [+0.34, +2.12]');
	await expect(rater.getByRole('cell').first()).toContainText('interval excludes 0');
	await expect(rater.getByRole('cell').first()).toContainText('(5 vs 6)');
	await expectNoViolations(page);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download this report as CSV' }).click();
	const csv = fs.readFileSync(await (await download).path(), 'utf8');
	expect(csv).toContain(`${otter},Positive panel recommendation,6,2,0.333,0.333,yes,0.061`);
	expect(csv).toContain('Prefer not to say,Hire decision,fewer than 5');
	expect(csv).not.toMatch(/Candidate \d/);
});
