import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expectNoViolations } from './support/axe';
import { expect, skipBrowserValidation, test, type Seed, type SeededUser } from './support/fixtures';

const past = () => Date.now() - 48 * 60 * 60_000;

/**
 * An opening whose hiring manager is not on the panels, and three finished loops. In the
 * first, Priya (Coding round) rates 4 and Lena (Code reading round, also Coding) rates 1
 * with a Strong no: a real disagreement.
 */
async function openingWithResults(seed: Seed) {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer', `Morgan ${Date.now()}`);
	const priya = await seed.user('interviewer', `Priya ${Date.now()}`);
	const lena = await seed.user('interviewer', `Lena ${Date.now()}`);
	const openingId = await seed.opening([manager], `Payments ${Date.now()}`);
	const names = [
		`Ada Results ${Date.now()}`,
		'=HYPERLINK("http://evil.example","click")',
		`Cy Results ${Date.now()}`
	];
	const loops = [];
	for (const [i, name] of names.entries()) {
		const candidate = await seed.candidate([openingId], name);
		const loop = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [priya.id], scheduledAt: past() },
			{ round: 2, interviewerIds: [lena.id], scheduledAt: past() }
		]);
		await seed.submitScorecard(priya, loop.scorecards[0]!.id, i === 0 ? 4 : 3, i === 0 ? 4 : 3);
		await seed.submitScorecard(
			lena,
			loop.scorecards[1]!.id,
			i === 0 ? 1 : ((2 + i) as 3 | 4),
			i === 0 ? 1 : 3
		);
		loops.push({ ...loop, candidate });
	}
	return { recruiter, manager, priya, lena, openingId, loops };
}

test('a hiring manager reads the results, runs the debrief, records the decision, compares and exports', async ({
	page,
	seed
}) => {
	const { manager, priya, lena, openingId, loops } = await openingWithResults(seed);
	const [ada] = loops;
	await seed.signIn(page.context(), manager);

	// Results
	await page.goto(`/candidates/${ada!.candidate.id}`);
	await page.getByRole('link', { name: 'results' }).click();
	await expect(page.getByRole('heading', { name: `Results for ${ada!.candidate.name}` })).toBeVisible();
	const coding = page.getByRole('region', { name: 'Competencies' }).getByRole('row', { name: /^Coding/ });
	await expect(coding).toContainText('Disagreement');
	await expect(coding.getByRole('cell')).toHaveText(['2', '2.50', '2.5', '1', '4', '3', '1.50']);
	await expect(page.getByRole('note')).toHaveText('⚑ At least one panelist says Strong no.');
	// Who rated what ends with each panelist's recommendation, linked to their scorecard.
	const matrix = page.getByRole('region', { name: 'Who rated what' });
	await expect(matrix.getByRole('row', { name: /^Recommendation/ })).toContainText('Strong yes');
	await matrix.getByRole('link', { name: `${lena.name} recommends Strong no, see scorecard` }).click();
	await expect(page.locator(':target')).toHaveAccessibleName(`${lena.name}’s scorecard`);
	await page.getByRole('link', { name: `${lena.name} on Coding: 1, see evidence` }).click();
	await expect(page.locator(':target')).toContainText('Coding: 1 · Significant gaps');
	await expect(page.getByRole('article', { name: `${priya.name}’s scorecard` })).toContainText(
		`Summary by ${priya.name}`
	);

	// Debrief: the disagreement leads the agenda; a decision without rationale or attendees is refused.
	await page.getByRole('link', { name: 'Run the debrief' }).click();
	const agenda = page
		.getByRole('region', { name: 'Agenda' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 3 }) });
	await expect(agenda.first().getByRole('heading')).toHaveText(/^Coding\s+Ratings from 1 to 4/);
	await expect(agenda.nth(2).getByRole('heading')).toHaveText(`Strong no from ${lena.name}`);
	await page.getByLabel('Notes on Coding').fill('Lena saw no tests at all; Priya saw them in the pairing.');
	// The panel and the hiring manager start ticked as attending.
	for (const person of [manager, priya, lena]) {
		await expect(page.getByRole('checkbox', { name: person.name })).toBeChecked();
		await page.getByRole('checkbox', { name: person.name }).uncheck();
	}
	await skipBrowserValidation(page);
	await page.getByRole('radio', { name: 'Hire', exact: true }).check();
	await page.getByRole('button', { name: 'Record decision' }).click();
	// One summary, focused and in view, links to each field.
	const problems = page.getByRole('alert');
	await expect(problems).toBeFocused();
	await expect(problems).toBeInViewport();
	await problems.getByRole('link', { name: 'Enter the rationale' }).click();
	await expect(page.getByLabel('Rationale')).toBeFocused();
	await problems.getByRole('link', { name: 'Say who took part in the debrief' }).click();
	await expect(page.getByRole('group', { name: 'Attendees' }).getByRole('checkbox').first()).toBeFocused();
	await expectNoViolations(page);
	await expect(page.getByLabel('Notes on Coding')).toHaveValue(
		'Lena saw no tests at all; Priya saw them in the pairing.'
	);
	expect(
		await seed.db.selectFrom('loopDecision').select('id').where('loopId', '=', ada!.loopId).execute()
	).toHaveLength(0);

	for (const person of [manager, priya, lena])
		await page.getByRole('checkbox', { name: person.name }).check();
	await page
		.getByLabel('Rationale')
		.fill('Coding concerns resolved by the pairing evidence; strong elsewhere.');
	await page.getByLabel('Dissent (optional)').fill(`${lena.name} still votes no.`);
	await page.getByRole('button', { name: 'Record decision' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Decision recorded' })).toContainText('Hire');
	await expect(page.getByText('Decided', { exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Current decision' })).toContainText(
		`Dissent: ${lena.name} still votes no.`
	);
	await page.getByRole('link', { name: 'Print packet' }).click();
	await expect(page.getByRole('heading', { name: `Debrief packet: ${ada!.candidate.name}` })).toBeVisible();
	await expect(page.locator('article')).toContainText('Lena saw no tests at all');

	// Compare, sort, export.
	await page.goto(`/openings/${openingId}`);
	await page.getByRole('link', { name: 'Compare candidates' }).click();
	const rows = page
		.getByRole('table')
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader') });
	await expect(rows).toHaveCount(3);
	await page.getByRole('link', { name: 'Coding', exact: true }).click();
	await expect(page.getByRole('columnheader', { name: 'Coding' })).toHaveAttribute('aria-sort', 'ascending');
	await expect(rows.first()).toContainText(ada!.candidate.name);
	await page.getByRole('link', { name: 'Coding', exact: true }).click();
	await expect(page.getByRole('columnheader', { name: 'Coding' })).toHaveAttribute('aria-sort', 'descending');
	await expect(rows.first()).toContainText(/Cy Results/);
	await expect(rows.filter({ hasText: ada!.candidate.name })).toContainText('Hire');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export CSV' }).click();
	const csv = parse(
		fs.readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '')
	) as string[][];
	expect(csv[0]!.slice(0, 5)).toEqual([
		'Candidate',
		'Loop status',
		'Decision',
		'Technical mean',
		'Leadership mean'
	]);
	const codingColumn = csv[0]!.indexOf('Coding');
	expect(csv.slice(1).map((row) => row[codingColumn])).toEqual(['3.5', '3', '2.5']);
	expect(csv.find((row) => row[0]!.includes('HYPERLINK'))![0]).toBe(
		'\'=HYPERLINK("http://evil.example","click")'
	);
	expect(csv.find((row) => row[0] === ada!.candidate.name)!.slice(1, 3)).toEqual(['Decided', 'Hire']);
});

test('the results CSV lists each competency with its statistics and every panelist’s rating', async ({
	page,
	seed
}) => {
	const { recruiter, priya, lena, loops } = await openingWithResults(seed);
	await seed.signIn(page.context(), recruiter);
	const response = await page.request.get(`/loops/${loops[0]!.loopId}/results.csv`);
	expect(response.headers()['content-type']).toContain('text/csv');
	const csv = parse((await response.text()).replace(/^\uFEFF/, ''), {
		relax_column_count: true
	}) as string[][];
	expect(csv[0]).toEqual([
		'Competency',
		'Kind',
		'n',
		'Mean',
		'Median',
		'Min',
		'Max',
		'Spread',
		'SD',
		'Disagreement',
		priya.name,
		lena.name
	]);
	expect(csv.find((row) => row[0] === 'Coding')).toEqual([
		'Coding',
		'technical',
		'2',
		'2.5',
		'2.5',
		'1',
		'4',
		'3',
		'1.5',
		'yes',
		'4',
		'1'
	]);
});

async function expectStatus(page: import('@playwright/test').Page, paths: string[], status: number) {
	for (const path of paths) expect((await page.request.get(path)).status(), path).toBe(status);
}

test('results, debrief, packet, comparison and their exports follow the roles and the independence rule', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer');
	const priya = await seed.user('interviewer');
	const outsider = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: past() },
		{ round: 1, interviewerIds: [manager.id], scheduledAt: past() }
	]);
	await seed.submitScorecard(priya, scorecards[0]!.id, 3);
	const loopPages = [
		`/loops/${loopId}/results`,
		`/loops/${loopId}/results.csv`,
		`/loops/${loopId}/debrief`,
		`/loops/${loopId}/packet`
	];
	const openingPages = [`/openings/${openingId}/comparison`, `/openings/${openingId}/comparison.csv`];
	const as = async (who: SeededUser) => {
		await page.context().clearCookies();
		await seed.signIn(page.context(), who);
	};

	await as(outsider);
	await expectStatus(page, [...loopPages, ...openingPages], 403);

	// The hiring manager is on this panel and has not submitted: no results for them yet,
	// and the comparison shows the candidate without numbers.
	await as(manager);
	await expectStatus(page, loopPages, 403);
	await page.goto(`/openings/${openingId}/comparison`);
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toContainText(
		'Hidden until your own scorecard for this loop is in'
	);
	const csv = await (await page.request.get(`/openings/${openingId}/comparison.csv`)).text();
	expect(csv).toContain('Hidden until your own scorecard for this loop is in');
	expect(csv).not.toMatch(/,3(,|\r)/);
	// No link leads to a refusal: the candidate's name opens the loop, which says why.
	await page
		.getByRole('row', { name: new RegExp(candidate.name) })
		.getByRole('link', { name: candidate.name })
		.click();
	await expect(page).toHaveURL(new RegExp(`/loops/${loopId}$`));
	await expect(page.getByRole('note')).toHaveText(
		'You are on this panel: its results and debrief open once your own scorecard is in.'
	);
	await expect(page.getByRole('link', { name: 'Results' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Debrief' })).toHaveCount(0);

	// Priya submitted: she reads the results, but the debrief is not hers to run, and the
	// panel's feedback does not leave the server as her file (docs/design.md, Who may do what).
	await as(priya);
	expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(200);
	await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
	await expectStatus(
		page,
		[`/loops/${loopId}/results.csv`, `/loops/${loopId}/debrief`, `/loops/${loopId}/packet`, ...openingPages],
		403
	);

	await as(recruiter);
	await expectStatus(page, [...loopPages, ...openingPages], 200);

	await seed.submitScorecard(manager, scorecards[1]!.id, 2);
	await as(manager);
	await expectStatus(page, [...loopPages, ...openingPages], 200);
	await page.goto(`/loops/${loopId}`);
	await expect(page.getByRole('link', { name: 'Results' })).toBeVisible();
});
