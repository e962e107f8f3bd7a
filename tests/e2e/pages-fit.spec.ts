import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { calibrationData } from './support/calibration-data';
import { expect, test } from './support/fixtures';
import { openKit, panel } from './support/kit';

// Pages that fit (issue 14): phones without sideways scrolling of the page, analysis tables
// that use the width and keep their first column, one sign for leniency everywhere.

const phone = { width: 390, height: 844 };
const window2024 = 'from=2024-03-01&to=2024-04-30';

async function expectNoPageOverflow(page: Page) {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.scrollingElement!.scrollWidth,
		innerWidth: window.innerWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Nothing in a card reaches past its edge, except inside a table that scrolls on its own. */
async function expectNothingSpillsFromCards(page: Page) {
	const spills = await page.evaluate(() =>
		[...document.querySelectorAll('.card, fieldset')].flatMap((card) => {
			const edge = card.getBoundingClientRect().right + 1;
			return [...card.querySelectorAll('*')]
				.filter((el) => !el.closest('.table-wrap') && el.getBoundingClientRect().right > edge)
				.map((el) => `${el.tagName} ${el.textContent?.trim().slice(0, 40)}`);
		})
	);
	expect(spills).toEqual([]);
}

/** Every chart label a person can see is drawn at 12 px or more. */
async function expectReadableChartLabels(page: Page) {
	const sizes = await page.evaluate(() =>
		[...document.querySelectorAll('svg')]
			.filter((svg) => svg.getBoundingClientRect().width > 0 && svg.querySelector('text'))
			.map((svg) => {
				const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				return parseFloat(getComputedStyle(svg.querySelector('text')!).fontSize) * scale;
			})
	);
	for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
}

/** Scrolls a table sideways and checks its first column stays at the left edge. */
async function expectStickyFirstColumn(wrap: Locator, firstCell: Locator) {
	const before = await firstCell.boundingBox();
	const scrolled = await wrap.evaluate((el) => {
		el.scrollLeft = 200;
		return el.scrollLeft;
	});
	expect(scrolled).toBeGreaterThan(0);
	await expect.poll(async () => (await firstCell.boundingBox())!.x).toBeCloseTo(before!.x, 0);
}

function edgeShade(frame: Locator) {
	return frame.evaluate((el) => Number(getComputedStyle(el, '::after').opacity));
}

test('on a phone the kit stacks its rating choices and neither kit nor results spill sideways', async ({
	page,
	seed
}, testInfo) => {
	await page.setViewportSize(phone);
	const kit = await panel(seed);
	await openKit(page, seed, kit.priya, kit.priyaCard);
	const levels = page.getByRole('group', { name: 'Coding', exact: true }).locator('label.level');
	const lefts = await levels.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().left));
	expect(lefts.length).toBe(5);
	expect(new Set(lefts).size).toBe(1);
	await expectNoPageOverflow(page);
	await expectNothingSpillsFromCards(page);
	await page.screenshot({ path: testInfo.outputPath('kit-phone.png'), fullPage: true });

	const { recruiter, priya, loops } = await calibrationData(seed);
	await page.context().clearCookies();
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/${loops[0]!.loopId}/results?adjusted=1`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Results for');
	await expectNoPageOverflow(page);
	await expectReadableChartLabels(page);
	await expectNothingSpillsFromCards(page);
	await page.screenshot({ path: testInfo.outputPath('results-phone.png'), fullPage: true });
	await expectNoViolations(page);

	await page.goto(`/calibration?${window2024}&trend=i${priya.id}`);
	await expectNoPageOverflow(page);
	await expectReadableChartLabels(page);
	await expectNothingSpillsFromCards(page);
});

test('analysis tables use the full width, keep the first column and shade the edge with more', async ({
	page,
	seed
}) => {
	const { recruiter, priya, openingId } = await calibrationData(seed);
	await seed.signIn(page.context(), recruiter);

	await page.setViewportSize({ width: 1600, height: 900 });
	await page.goto(`/openings/${openingId}/comparison`);
	const table = page.getByRole('table', { name: /Candidates of/ });
	// The layout's 72rem (1152 px) measure no longer caps the heat map.
	expect((await table.boundingBox())!.width).toBeGreaterThan(1200);
	await page.goto(`/calibration?${window2024}`);
	const interviewers = page.getByRole('region', { name: 'Interviewers' });
	expect((await interviewers.boundingBox())!.width).toBeGreaterThan(1200);

	await page.setViewportSize({ width: 700, height: 900 });
	await page.goto(`/openings/${openingId}/comparison`);
	const frame = page.locator('.analysis').first();
	const wrap = frame.locator('.table-wrap');
	expect(await edgeShade(frame)).toBeGreaterThan(0.5);
	await expectStickyFirstColumn(wrap, table.getByRole('rowheader').first());
	await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
	await expect.poll(() => edgeShade(frame)).toBe(0);
	await expectNoPageOverflow(page);
	// Scrolled, cells pass under the fixed column by design; axe judges the table at rest.
	await wrap.evaluate((el) => (el.scrollLeft = 0));
	await expectNoViolations(page);

	await page.goto(`/calibration?${window2024}`);
	const priyaName = interviewers.getByRole('rowheader', { name: priya.name });
	await expectStickyFirstColumn(interviewers.locator('.table-wrap'), priyaName);
	await expectNoPageOverflow(page);
	await expectNoViolations(page);
});

test('leniency has one sign: a lenient interviewer is positive on calibration and on the results', async ({
	page,
	seed
}) => {
	const { recruiter, priya, lena, loops } = await calibrationData(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/calibration?${window2024}`);
	const interviewers = page.getByRole('region', { name: 'Interviewers' });
	// Priya rates above Lena on the same competencies: +1.00 over 4 comparable ratings.
	await expect(interviewers.getByRole('row', { name: new RegExp(priya.name) })).toContainText(
		'+1.00 more lenient'
	);
	await expect(interviewers.getByRole('row', { name: new RegExp(lena.name) })).toContainText(
		'-1.00 more severe'
	);
	await expect(interviewers).toContainText('Positive means rating higher than colleagues');

	await page.goto(`/loops/${loops[0]!.loopId}/results?adjusted=1`);
	const note = page.getByRole('note').filter({ hasText: 'Adjusted view' });
	// The shrunk offset 1.00 × 4 / (4 + 10) keeps the sign calibration shows.
	await expect(note).toContainText(`${priya.name}: +0.29 more lenient (n=4)`);
	await expect(note).toContainText(`${lena.name}: -0.29 more severe (n=4)`);
});

test('a refusal keeps the navigation and lists the pages the person can open', async ({ page, seed }) => {
	await seed.signIn(page.context(), await seed.user('interviewer'));
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })
	).toBeVisible();
	const places = page.getByRole('navigation', { name: 'Pages you can open' });
	await expect(places.getByRole('link')).toHaveText([
		'Dashboard',
		'My interviews',
		'Training',
		'Calibration'
	]);
	await expectNoViolations(page);
});

test('calibration says how many loops of its period it leaves out for an incomplete panel', async ({
	page,
	seed
}) => {
	const { recruiter, priya, lena, openingId } = await calibrationData(seed);
	const waiting = await seed.candidate([openingId]);
	const loop = await seed.loop(recruiter, waiting.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.UTC(2024, 3, 20, 9) },
		{ round: 2, interviewerIds: [lena.id], scheduledAt: Date.UTC(2024, 3, 20, 11) }
	]);
	await seed.submitScorecard(priya, loop.scorecards[0]!.id, 4, 4);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/calibration?${window2024}&opening=${openingId}`);
	await expect(
		page.getByText('1 loop in this period is left out because its panel has not all submitted.')
	).toBeVisible();
	// Priya's figures still count only the two complete loops.
	await expect(page.getByRole('row', { name: new RegExp(priya.name) })).toContainText('n=4');
	await page.goto(`/calibration?from=2024-03-01&to=2024-03-31&opening=${openingId}`);
	await expect(page.getByText(/left out because/)).toHaveCount(0);
});
