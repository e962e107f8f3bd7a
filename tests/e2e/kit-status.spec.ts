import { emptyDocument } from '../../src/lib/domain/scorecard';
import { saveScorecard } from '../../src/lib/server/evaluation/scorecards';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { content, openKit, panel, ready, saved, saveStatus } from './support/kit';

// The kit's one message about saving tells the truth: what happened last, one thing at a time.

const savedAt = /^Saved \d\d:\d\d$/;

test('offline, then back online and saving what was kept, then saved with the time', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	const status = saveStatus(page);
	await page.getByLabel('Free notes').fill('Before the train left.');
	await expect(status).toHaveText(savedAt);

	await page.context().setOffline(true);
	await page.getByLabel('Free notes').fill('Written in the tunnel.');
	await expect(status).toHaveText(
		'Offline: your changes are kept in this browser and will be sent when the connection returns'
	);
	await expectNoViolations(page);

	// The first save after the network returns is held back, to see what the kit says meanwhile.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(`**/api/v1/scorecards/${priyaCard}`, async (route) => {
		if (route.request().method() === 'PUT') await held;
		return route.fallback();
	});
	await page.context().setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(status).toHaveText('Back online: saving what this browser kept…');
	const before = await page.evaluate(() =>
		new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
			Date.now()
		)
	);
	release();
	await expect(status).toHaveText(savedAt);
	// The time is the browser's clock at the save, written as the app writes times.
	const clock = () =>
		page.evaluate(() =>
			new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
				Date.now()
			)
		);
	const shown = (await status.textContent())!.slice('Saved '.length);
	expect([before, await clock()]).toContain(shown);
	expect((await content(seed, priyaCard)).document.freeNotes).toBe('Written in the tunnel.');
	// One message at a time: the kit has a single status.
	await expect(page.getByRole('status')).toHaveCount(1);
});

test('text the server never got comes back from this browser, and says so until it is saved', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	// The server hears nothing from this page: not the autosave, not the last copy on leaving.
	await page.route(`**/api/v1/scorecards/${priyaCard}**`, (route) =>
		route.request().method() === 'GET' ? route.fallback() : route.abort()
	);
	await page.getByLabel('Summary of key takeaways').fill('Typed before the laptop crashed.');
	await expect(saveStatus(page)).toContainText('Offline');
	await page.unrouteAll({ behavior: 'ignoreErrors' });

	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(`**/api/v1/scorecards/${priyaCard}`, async (route) => {
		if (route.request().method() === 'PUT') await held;
		return route.fallback();
	});
	await page.reload();
	await expect(saveStatus(page)).toHaveText(
		'Restored from this browser what the server did not have; saving it now…'
	);
	await expect(page.getByLabel('Summary of key takeaways')).toHaveValue('Typed before the laptop crashed.');
	release();
	await expect(saveStatus(page)).toHaveText(/^Restored from this browser and saved \d\d:\d\d$/);
	expect((await content(seed, priyaCard)).document.summary).toBe('Typed before the laptop crashed.');

	// The next edit ends the "restored" message.
	await page.getByLabel('Free notes').fill('Later notes.');
	await saved(page);
	await expect(saveStatus(page)).toHaveText(savedAt);
});

test('a conflict is the only message until it is resolved, then the merge is saved with its time', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	const { version } = await content(seed, priyaCard);
	await saveScorecard(seed.db, priya, priyaCard, version, { ...emptyDocument, summary: 'From the laptop.' });
	await page.getByLabel('Summary of key takeaways').fill('From the tablet.');
	await expect(saveStatus(page)).toHaveText(
		'Changed in another tab or device: choose what to keep, then save'
	);
	// Typing on does not pretend anything was saved.
	await page.getByLabel('Free notes').fill('Still typing.');
	await expect(saveStatus(page)).toHaveText(
		'Changed in another tab or device: choose what to keep, then save'
	);

	const merge = page.getByRole('region', { name: 'This scorecard was changed elsewhere' });
	await merge
		.getByRole('group', { name: 'Summary' })
		.getByRole('radio', { name: /Keep this tab’s version/ })
		.check();
	await merge.getByRole('button', { name: 'Save the merged version' }).click();
	await expect(saveStatus(page)).toHaveText(savedAt);
	const { document } = await content(seed, priyaCard);
	expect(document.summary).toBe('From the tablet.');
	expect(document.freeNotes).toBe('Still typing.');
});

test('the timer and the save status stay in view in the sticky bar while the page scrolls', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await page.setViewportSize({ width: 1024, height: 600 });
	await openKit(page, seed, priya, priyaCard);
	await ready(page);
	await page.getByLabel('Summary of key takeaways').fill('Written at the end of the page.');
	await saved(page);
	await expect(page.getByLabel('Summary of key takeaways')).toBeInViewport();
	await expect(saveStatus(page)).toBeInViewport();
	await expect(page.getByRole('button', { name: 'Start' })).toBeInViewport();
	await expect(page.getByText(/^of \d+ min$/)).toBeInViewport();
});
