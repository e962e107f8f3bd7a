import { calibrationData } from './support/calibration-data';
import { expect, test } from './support/fixtures';

test('a recruiter reviews leniency and agreement with filters, sorts, and follows a trend', async ({
	page,
	seed
}) => {
	const { recruiter, priya, lena, openingId } = await calibrationData(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto('/calibration');
	// Filled before the page's scripts start, the dates could be put back as the page hydrates.
	await expect(page.locator('html.js')).toBeAttached();
	await page.getByLabel('From').fill('2024-03-01');
	await page.getByLabel('To').fill('2024-04-30');
	await page.getByLabel('Opening').selectOption({ value: String(openingId) });
	await page.getByRole('button', { name: 'Apply' }).click();

	const interviewers = page.getByRole('region', { name: 'Interviewers' });
	const priyaRow = interviewers.getByRole('row', { name: new RegExp(priya.name) });
	// Priya's deviations 2, 2, 0, 0: leniency +1.00 over 4 comparable ratings.
	await expect(priyaRow).toContainText('+1.00');
	await expect(priyaRow).toContainText('n=4');
	await expect(priyaRow.getByRole('cell').first()).toHaveText('2');
	await expect(interviewers.getByRole('row', { name: new RegExp(lena.name) })).toContainText('-1.00');

	const agreement = page.getByRole('region', { name: 'Agreement per competency' });
	await expect(agreement.getByRole('row', { name: /^Coding/ })).toContainText(
		'The panel does not agree on this competency — review its anchors and questions.'
	);

	const leniencyHeader = interviewers.getByRole('columnheader', { name: /Leniency/ });
	await interviewers.getByRole('link', { name: /Leniency/ }).click();
	// Wait for the first sort to land before clicking again, or the second click can hit the old link.
	await expect(leniencyHeader).toHaveAttribute('aria-sort', 'ascending');
	await interviewers.getByRole('link', { name: /Leniency/ }).click();
	await expect(leniencyHeader).toHaveAttribute('aria-sort', 'descending');
	await expect(interviewers.getByRole('row').nth(1)).toContainText(priya.name);

	// A large company has thousands of interviewers: find one by name, keeping the sort.
	await page.getByLabel('Interviewer name').fill(lena.name.slice(0, 4).toUpperCase());
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(interviewers.getByRole('heading')).toHaveText('Interviewers (1)');
	await expect(interviewers.getByRole('row')).toHaveCount(2);
	await expect(interviewers.getByRole('row').nth(1)).toContainText(lena.name);
	await expect(leniencyHeader).toHaveAttribute('aria-sort', 'descending');
	await page.getByLabel('Interviewer name').fill('nobody like this');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(interviewers).toContainText('No interviewer in this period matches “nobody like this”.');
	await page.getByLabel('Interviewer name').fill('');
	await page.getByRole('button', { name: 'Apply' }).click();

	await priyaRow.getByRole('link', { name: priya.name }).click();
	const trend = page.getByRole('region', { name: `Trend: ${priya.name}` });
	await expect(trend.getByRole('row', { name: /2024-03/ })).toContainText('+2.00');
	await expect(
		trend
			.getByRole('row', { name: /2024-04/ })
			.getByRole('cell')
			.last()
	).toHaveText('0.00');
	await expect(trend.getByRole('img', { name: `Leniency of ${priya.name} by month` })).toBeVisible();

	await page.getByLabel('Round kind').selectOption('leadership');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(interviewers).toContainText('No complete loops in this period.');
});

test('a filter with bad dates says what is wrong and shows nothing', async ({ page, seed }) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	await page.goto('/calibration?from=2024-02-30&to=2024-01-01');
	await expect(page.locator('#from-error')).toHaveText('Enter the start as a date, like 2026-01-31');
	await expect(page.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('alert')).toContainText('Fix the filter to see figures');
	await expect(page.getByRole('alert')).toBeFocused();
	// Before the page's scripts run, the link only scrolls; focusing the field is their job.
	await expect(page.locator('html.js')).toBeAttached();
	await page.getByRole('link', { name: 'Enter the start as a date, like 2026-01-31' }).click();
	await expect(page.getByLabel('From')).toBeFocused();
	await expect(page.getByRole('region', { name: 'Interviewers' })).toHaveCount(0);
	await page.goto('/calibration?from=2024-03-01&to=2024-01-01');
	await expect(page.locator('#to-error')).toHaveText('The end date comes before the start date');
});

test('each role sees its own share: hiring managers their openings, interviewers themselves', async ({
	page,
	seed
}) => {
	const { manager, priya, lena, openingId } = await calibrationData(seed);
	const window = 'from=2024-03-01&to=2024-04-30';

	await seed.signIn(page.context(), manager);
	await page.goto(`/calibration?${window}`);
	await expect(page.getByLabel('Opening').locator('option')).toHaveText(['All openings', /^Calibration/]);
	const managerView = page.getByRole('region', { name: 'Interviewers' });
	await expect(managerView.getByRole('row')).toHaveCount(3);
	await expect(page.getByRole('region', { name: 'Agreement per competency' })).toBeVisible();
	expect((await page.goto(`/calibration?${window}&opening=${openingId + 9999}`))?.status()).toBe(403);

	await page.context().clearCookies();
	await seed.signIn(page.context(), priya);
	await page.goto(`/calibration?${window}`);
	await expect(page.getByText('Your own figures')).toBeVisible();
	const own = page.getByRole('region', { name: 'Interviewers' });
	await expect(own.getByRole('row')).toHaveCount(2);
	await expect(own).toContainText(priya.name);
	await expect(own).not.toContainText(lena.name);
	await expect(page.getByRole('region', { name: 'Agreement per competency' })).toHaveCount(0);
	await expect(page.getByRole('region', { name: `Trend: ${priya.name}` })).toBeVisible();
	expect((await page.goto(`/calibration?${window}&trend=i${lena.id}`))?.status()).toBe(403);
});

test('results and comparison offer leniency-adjusted ratings, raw by default', async ({ page, seed }) => {
	const { recruiter, openingId, loops } = await calibrationData(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/${loops[0]!.loopId}/results`);
	const coding = page.getByRole('region', { name: 'Competencies' }).getByRole('row', { name: /^Coding/ });
	await expect(coding).toContainText('Disagreement');
	await page.getByRole('link', { name: 'Show ratings adjusted for leniency' }).click();
	await expect(page.getByRole('note').filter({ hasText: 'Adjusted view' })).toBeVisible();
	await expect(coding).not.toContainText('Disagreement');
	await page.getByRole('link', { name: 'Show raw ratings' }).click();
	await expect(coding).toContainText('Disagreement');

	await page.goto(`/openings/${openingId}/comparison`);
	await page.getByRole('link', { name: 'Show means adjusted for leniency' }).click();
	await expect(page.getByRole('note').filter({ hasText: 'Adjusted view' })).toBeVisible();
	await expect(page).toHaveURL(/adjusted=1/);
});

test('a panelist reads the results but not colleagues’ leniency, nor links they cannot follow', async ({
	page,
	seed
}) => {
	const { priya, loops } = await calibrationData(seed);
	await seed.signIn(page.context(), priya);
	await page.goto(`/loops/${loops[0]!.loopId}/results`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Results for');
	await expect(page.getByRole('link', { name: 'Show ratings adjusted for leniency' })).toHaveCount(0);
	for (const name of ['Run the debrief', 'Debrief and decision', 'Debrief packet']) {
		await expect(page.getByRole('link', { name })).toHaveCount(0);
	}
	await expect(page.locator('.breadcrumb').getByRole('link')).toHaveCount(0);
	const adjusted = await page.goto(`/loops/${loops[0]!.loopId}/results?adjusted=1`);
	expect(adjusted?.status()).toBe(403);
	await expect(page.getByText('interviewers see calibration figures of their own only')).toBeVisible();
});

test('a hiring manager on a shadow seat sees none of a complete loop’s figures until their card is in and the loop decided', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const hana = await seed.user('interviewer');
	const priya = await seed.user('interviewer');
	const lena = await seed.user('interviewer');
	const openingId = await seed.opening([hana]);
	const candidate = await seed.candidate([openingId]);
	const at = Date.now() - 86_400_000;
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id, lena.id], scheduledAt: at },
		{ round: 0, interviewerIds: [hana.id], scheduledAt: at, role: 'shadow' }
	]);
	const card = (id: number) => scorecards.find((s) => s.interviewerId === id)!.id;
	await seed.submitScorecard(priya, card(priya.id), 4);
	await seed.submitScorecard(lena, card(lena.id), 2);

	await seed.signIn(page.context(), hana);
	const interviewers = page.getByRole('region', { name: 'Interviewers' });
	const saysSo = page.getByText(
		'1 loop you sat on to practise is left out until your own scorecard is in and the loop is decided.'
	);
	await page.goto('/calibration');
	await expect(saysSo).toBeVisible();
	await expect(page.locator('main')).not.toContainText(priya.name);
	await seed.submitScorecard(hana, card(hana.id));
	await page.goto('/calibration');
	await expect(saysSo).toBeVisible();
	await expect(page.locator('main')).not.toContainText(priya.name);

	await seed.decide(recruiter, loopId, { outcome: 'hire', rationale: 'Strong coding', dissent: '' });
	await page.goto('/calibration');
	await expect(interviewers.getByRole('row', { name: new RegExp(priya.name) })).toBeVisible();
	await expect(interviewers.getByRole('row', { name: new RegExp(lena.name) })).toBeVisible();
	await expect(saysSo).toHaveCount(0);
});
