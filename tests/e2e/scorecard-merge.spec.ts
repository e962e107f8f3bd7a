import type { Browser, Page } from '@playwright/test';
import { emptyDocument } from '../../src/lib/domain/scorecard';
import { saveScorecard } from '../../src/lib/server/evaluation/scorecards';
import { expectNoViolations } from './support/axe';
import { expect, test, type Seed } from './support/fixtures';
import { content, openKit, panel, ready, saved, saveStatus } from './support/kit';

// One scorecard open in two tabs of one browser (or on two devices): every word typed in
// either ends up on the server, and only a field both changed differently is asked about.

/** Priya's scorecard open in two tabs of one browser. */
async function twoTabs(browser: Browser, seed: Seed) {
	const { priya, priyaCard } = await panel(seed);
	const context = await browser.newContext();
	await seed.signIn(context, priya);
	const tabs: Page[] = [];
	for (let i = 0; i < 2; i++) {
		const tab = await context.newPage();
		await tab.goto(`/interviews/${priyaCard}`);
		await ready(tab);
		tabs.push(tab);
	}
	return { priya, card: priyaCard, context, first: tabs[0]!, second: tabs[1]! };
}

const mergeView = (page: Page) => page.getByRole('region', { name: 'This scorecard was changed elsewhere' });

/** The tab's saves do not get through (a dropped connection), until the returned function is called. */
async function cutSaves(page: Page, card: number) {
	const url = `**/api/v1/scorecards/${card}`;
	await page.route(url, (route) => (route.request().method() === 'PUT' ? route.abort() : route.fallback()));
	return () => page.unroute(url);
}

test('two tabs editing different fields: both texts are merged and saved, with no question', async ({
	browser,
	seed
}) => {
	const { card, context, first, second } = await twoTabs(browser, seed);
	// Typed at the same moment: both saves start from the same version.
	await first.getByLabel('Summary of key takeaways').fill('Summary typed in the first tab.');
	await second.getByLabel('Free notes').fill('Notes typed in the second tab.');

	for (const tab of [first, second]) {
		await saved(tab);
		await expect(tab.getByLabel('Summary of key takeaways')).toHaveValue('Summary typed in the first tab.');
		await expect(tab.getByLabel('Free notes')).toHaveValue('Notes typed in the second tab.');
		await expect(mergeView(tab)).toBeHidden();
	}
	const { document } = await content(seed, card);
	expect(document.summary).toBe('Summary typed in the first tab.');
	expect(document.freeNotes).toBe('Notes typed in the second tab.');
	await context.close();
});

test('a save from another device is merged into this one’s next save without a question', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	// The laptop saves free notes; this tablet has not heard of it and saves its summary.
	const { version } = await content(seed, priyaCard);
	await saveScorecard(seed.db, priya, priyaCard, version, {
		...emptyDocument,
		freeNotes: 'Typed on the laptop.'
	});
	await page.getByLabel('Summary of key takeaways').fill('Typed on the tablet.');

	await saved(page);
	await expect(mergeView(page)).toBeHidden();
	await expect(page.getByLabel('Free notes')).toHaveValue('Typed on the laptop.');
	const { document } = await content(seed, priyaCard);
	expect(document.summary).toBe('Typed on the tablet.');
	expect(document.freeNotes).toBe('Typed on the laptop.');
});

test('a field both tabs changed differently is asked about, nothing pre-chosen, and keeping both loses nothing', async ({
	browser,
	seed
}) => {
	const { card, context, first, second } = await twoTabs(browser, seed);
	const reconnect = await cutSaves(second, card);
	await second.getByLabel('Summary of key takeaways').fill('The second tab’s summary.');
	await second.getByRole('radio', { name: 'No', exact: true }).check();
	await second.getByLabel('Evidence for Coding').fill('Evidence only the second tab wrote.');
	await expect(second.getByRole('status')).toContainText('kept in this browser');

	await first.getByLabel('Summary of key takeaways').fill('The first tab’s summary.');
	await first.getByRole('radio', { name: 'Yes', exact: true }).check();
	await first.getByLabel('Free notes').fill('Notes only the first tab wrote.');
	await saved(first);

	// The second tab hears of the save at once and asks about the two fields both changed.
	const merge = mergeView(second);
	await expect(merge).toBeVisible();
	await expect(merge.getByRole('group')).toHaveCount(2);
	const summary = merge.getByRole('group', { name: 'Summary' });
	await expect(summary).toContainText('The second tab’s summary.');
	await expect(summary).toContainText('The first tab’s summary.');
	const recommendation = merge.getByRole('group', { name: 'Overall recommendation' });
	await expect(recommendation).toContainText('No');
	await expect(recommendation).toContainText('Yes');
	for (const radio of await merge.getByRole('radio').all()) await expect(radio).not.toBeChecked();
	await expect(summary.getByRole('radio', { name: /Keep both/ })).toBeVisible();
	await expect(recommendation.getByRole('radio', { name: /Keep both/ })).toHaveCount(0);
	await expectNoViolations(second);

	// Saving without choosing asks again and takes the keyboard to the first open choice.
	await reconnect();
	await merge.getByRole('button', { name: 'Save the merged version' }).press('Enter');
	await expect(merge.getByRole('alert')).toContainText('nothing is chosen for you');
	await expect(merge.getByRole('radio').first()).toBeFocused();
	await summary.getByRole('radio', { name: /Keep both/ }).focus();
	await second.keyboard.press('Space');
	await recommendation.getByRole('radio', { name: /Keep this tab’s version/ }).check();
	await merge.getByRole('button', { name: 'Save the merged version' }).click();

	await saved(second);
	const both = 'The second tab’s summary.\n\nThe first tab’s summary.';
	const { document } = await content(seed, card);
	expect(document.summary).toBe(both);
	expect(document.recommendation).toBe(2);
	expect(document.freeNotes).toBe('Notes only the first tab wrote.');
	expect(document.ratings.find((r) => r.evidence)?.evidence).toBe('Evidence only the second tab wrote.');
	// The first tab follows at once.
	await expect(first.getByLabel('Summary of key takeaways')).toHaveValue(both);
	await expect(first.getByLabel('Evidence for Coding')).toHaveValue('Evidence only the second tab wrote.');
	await saved(first);
	await context.close();
});

test('a tab learns of another tab’s save at once and never calls an older version saved', async ({
	browser,
	seed
}) => {
	const { card, context, first, second } = await twoTabs(browser, seed);
	await first.getByLabel('Summary of key takeaways').fill('Saved in the first tab.');
	await saved(first);

	// Nothing done in the second tab: it shows what is saved now, at the version saved now.
	await expect(second.getByLabel('Summary of key takeaways')).toHaveValue('Saved in the first tab.');
	await saved(second);
	const { version } = await content(seed, card);
	await expect(second.locator('input[name="version"]')).toHaveValue(String(version));

	// Its next save builds on that version: no question, nothing lost.
	await second.getByLabel('Free notes').fill('Then the second tab.');
	await saved(second);
	await expect(mergeView(second)).toBeHidden();
	const { document } = await content(seed, card);
	expect(document).toMatchObject({ summary: 'Saved in the first tab.', freeNotes: 'Then the second tab.' });
	await context.close();
});

test('two tabs offline keep their own texts: closing one and reloading the other loses neither', async ({
	browser,
	seed
}) => {
	const { card, context, first, second } = await twoTabs(browser, seed);
	await context.setOffline(true);
	await first.getByLabel('Free notes').fill('Notes from the first tab.');
	await expect(first.getByRole('status')).toContainText('kept in this browser');
	await second.getByLabel('Summary of key takeaways').fill('Summary from the second tab.');
	await expect(second.getByRole('status')).toContainText('kept in this browser');

	// The second tab is closed before the connection returns: its text is only in this browser.
	await second.close();
	expect((await content(seed, card)).document.summary ?? '').toBe('');
	await context.setOffline(false);
	await first.reload();
	await expect(first.getByLabel('Free notes')).toHaveValue('Notes from the first tab.');
	await expect(first.getByLabel('Summary of key takeaways')).toHaveValue('Summary from the second tab.');
	// The first tab heard the second's text before it closed, so when the connection came back it
	// may have saved both before the reload (nothing left to restore: "Autosave on"), or the
	// reloaded page restores and saves them; either way the server ends up with both.
	await expect
		.poll(async () => (await content(seed, card)).document)
		.toMatchObject({ summary: 'Summary from the second tab.', freeNotes: 'Notes from the first tab.' });
	await expect(saveStatus(first)).toHaveText(
		/^(Autosave on|Saved \d\d:\d\d|Restored from this browser and saved \d\d:\d\d)$/
	);
	await context.close();
});

test('a save whose answer was lost counts as saved, not as a conflict', async ({ page, seed }) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	const before = (await content(seed, priyaCard)).version;
	let puts = 0;
	await page.route(`**/api/v1/scorecards/${priyaCard}`, async (route) => {
		if (route.request().method() !== 'PUT' || puts++ > 0) return route.fallback();
		// The save reaches the server, but its answer never reaches the browser.
		await route.fetch();
		await route.abort('connectionreset');
	});
	await page.getByLabel('Summary of key takeaways').fill('Saved, but the answer was lost.');
	await expect
		.poll(async () => (await content(seed, priyaCard)).document.summary)
		.toBe('Saved, but the answer was lost.');

	// The retry finds its own text already saved.
	await saved(page, 15_000);
	expect(puts).toBeGreaterThan(1);
	await expect(mergeView(page)).toBeHidden();
	expect((await content(seed, priyaCard)).version).toBe(before + 1);
	await page.getByLabel('Free notes').fill('And the next save goes through.');
	await saved(page);
	expect((await content(seed, priyaCard)).document.freeNotes).toBe('And the next save goes through.');
});

test('while the server’s disk is full the text stays in the browser and is saved once the server accepts it', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	let full = true;
	const refused: number[] = [];
	await page.route(`**/api/v1/scorecards/${priyaCard}`, (route) => {
		if (route.request().method() !== 'PUT' || !full) return route.fallback();
		refused.push(Date.now());
		return route.fulfill({
			status: 503,
			headers: { 'retry-after': '2' },
			contentType: 'application/json',
			body: JSON.stringify({ error: 'The server’s disk is full' })
		});
	});
	await page.getByLabel('Summary of key takeaways').fill('Written while the disk was full.');
	const status = page.getByRole('status');
	await expect(status).toContainText('kept in this browser');
	await expect(status).toContainText('Not saved yet: The server’s disk is full');

	// It tries again by itself, no sooner than the server asked.
	await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(1);
	expect(refused[1]! - refused[0]!).toBeGreaterThan(1_500);
	await expect(status).not.toHaveText(/Saved/);

	// A reload meanwhile keeps the text.
	await page.reload();
	await expect(page.getByLabel('Summary of key takeaways')).toHaveValue('Written while the disk was full.');
	await expect(status).toContainText('Not saved yet');

	full = false;
	await saved(page, 10_000);
	expect((await content(seed, priyaCard)).document.summary).toBe('Written while the disk was full.');
});
