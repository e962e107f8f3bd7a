import type { Page } from '@playwright/test';
import { expect, test, type Seed, type SeededUser } from './support/fixtures';
import { expectNoViolations } from './support/axe';
import {
	content,
	expectBelowSaveBar,
	expectSummaryFocusedBelowBar,
	openKit,
	panel,
	saved,
	saveStatus
} from './support/kit';

test('a panelist fills and submits a whole scorecard by keyboard alone', async ({ page, seed }) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);

	// One notes box per question; the format's prompts go in as headings only when asked for.
	const notes = page.getByRole('textbox', { name: 'Notes on Q1' });
	await expect(notes).toHaveAccessibleDescription(
		/^Prompts, if they help: Approach · Complexity · Code quality/
	);
	await expect(page.getByRole('textbox', { name: 'Approach' })).toHaveCount(0);
	await notes.focus();
	await page.keyboard.type('Started from a sliding window; explained it clearly.');
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByRole('button', { name: 'Use prompts' }).first()).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(notes).toBeFocused();
	await expect(notes).toHaveValue(
		/^Started from a sliding window; explained it clearly\.\nApproach:\n\nComplexity:\n/
	);
	await page.keyboard.type('O(n) per call, then O(1) amortised.');

	// Ratings: focus an option, then the digit shortcut; N marks "not assessed".
	await page
		.getByRole('radio', { name: /^3 · Meets the bar/ })
		.first()
		.focus();
	await page.keyboard.press('4');
	await expect(page.getByRole('radio', { name: /^4 · Exceeds the bar/ }).first()).toBeChecked();
	await page.keyboard.press('Tab');
	await page.keyboard.type('Wrote clean code and tests unprompted.');
	await page
		.getByRole('radio', { name: /^1 · Significant gaps/ })
		.nth(1)
		.focus();
	await page.keyboard.press('n');
	await page.getByLabel('Why was Problem solving not assessed?').focus();
	await page.keyboard.type('Ran out of time before the second problem.');

	await page.getByRole('radio', { name: 'Yes', exact: true }).focus();
	await page.keyboard.press('Space');
	await page.getByLabel('Summary of key takeaways').focus();
	await page.keyboard.type('Strong coder; hire for the coding bar.');
	await page.getByRole('button', { name: 'Submit scorecard' }).first().focus();
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Your submitted scorecard' })).toBeVisible();
	const submitted = page.getByRole('region', { name: 'Your submitted scorecard' });
	await expect(submitted.getByRole('row', { name: /Coding/ })).toContainText('4 · Exceeds the bar');
	await expect(submitted.getByRole('row', { name: /Problem solving/ })).toContainText(
		'Not assessed: Ran out of time'
	);
	const stored = await content(seed, priyaCard);
	expect(stored.status).toBe('submitted');
	expect(stored.document.recommendation).toBe(3);
	expect(stored.document.notes[0]).toMatchObject({ field: 'notes' });
	expect(stored.document.notes[0]!.text).toMatch(/Approach:[\s\S]*O\(n\) per call, then O\(1\) amortised\.$/);
});

test('what is typed survives a reload, and even a reload before the autosave', async ({ page, seed }) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await page.getByLabel('Free notes').fill('Saved by the autosave.');
	await saved(page);
	await page.reload();
	await expect(page.getByLabel('Free notes')).toHaveValue('Saved by the autosave.');

	// Close before the autosave fires: the browser's copy brings it back and sends it.
	await page.getByLabel('Summary of key takeaways').fill('Typed just before the tab closed.');
	await page.reload();
	await expect(page.getByLabel('Summary of key takeaways')).toHaveValue('Typed just before the tab closed.');
	// The last copy sent on leaving may have arrived; if not, the kit says it restored it.
	await expect(saveStatus(page)).toHaveText(/^(Autosave on|Restored from this browser and saved \d\d:\d\d)$/);
	expect((await content(seed, priyaCard)).document.summary).toBe('Typed just before the tab closed.');
});

test('edits made offline wait in the browser and reach the server when the network returns', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await page.context().setOffline(true);
	await page.getByLabel('Free notes').fill('Written on the train with no signal.');
	await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toContainText('kept in this browser');
	expect((await content(seed, priyaCard)).document.freeNotes ?? '').toBe('');

	await page.context().setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await saved(page);
	expect((await content(seed, priyaCard)).document.freeNotes).toBe('Written on the train with no signal.');
});

test('submitting with gaps: a focused summary below the save bar links to each field', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await openKit(page, seed, priya, priyaCard);
	await page
		.getByRole('radio', { name: /^3 · Meets the bar/ })
		.first()
		.check();
	await page
		.getByRole('radio', { name: /^Not assessed/ })
		.nth(1)
		.check();
	await page.getByRole('button', { name: 'Submit scorecard' }).first().click();

	await expectSummaryFocusedBelowBar(page, '3 things are missing before you can submit');
	const summary = page.getByRole('alert');
	await expect(summary.getByRole('link')).toHaveText([
		'Add the evidence behind your Coding rating',
		'Say why Problem solving was not assessed',
		'Choose an overall recommendation'
	]);
	// Each message is also next to its field.
	await expect(page.getByText('Add the evidence behind your Coding rating')).toHaveCount(2);
	await summary.getByRole('link', { name: 'Add the evidence behind your Coding rating' }).click();
	await expect(page.getByLabel('Evidence for Coding')).toBeFocused();
	await expectBelowSaveBar(page, page.getByLabel('Evidence for Coding'));
	await summary.getByRole('link', { name: 'Choose an overall recommendation' }).click();
	await expect(page.getByRole('radio', { name: 'Strong no' })).toBeFocused();
	expect((await content(seed, priyaCard)).status).toBe('draft');
	await expectNoViolations(page);
});

test('a panelist cannot see colleagues’ feedback before submitting; in strict mode not before the whole panel', async ({
	page,
	seed
}) => {
	const { priya, sam, loopId, priyaCard, samCard } = await panel(seed);
	await seed.submitScorecard(sam, samCard);
	await seed.signIn(page.context(), priya);
	expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(403);
	await expect(page.getByText('Submit your own scorecard first')).toBeVisible();
	// The API says no more than that there is nothing for her there.
	const api = await page.request.get(`/api/v1/scorecards/${samCard}`);
	expect(api.status()).toBe(404);
	expect(await api.text()).not.toContain(`Summary by ${sam.name}`);
	// Her kit says only who has submitted.
	await page.goto(`/interviews/${priyaCard}`);
	await expect(page.getByRole('complementary', { name: 'Panel' })).toContainText(
		`${sam.name} · System design · submitted`
	);
	await expect(page.locator('body')).not.toContainText(`Summary by ${sam.name}`);

	await seed.submitScorecard(priya, priyaCard);
	expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(200);
	await expect(page.getByRole('article', { name: `${sam.name}’s scorecard` })).toContainText(
		`Summary by ${sam.name}`
	);
	expect((await page.request.get(`/api/v1/scorecards/${samCard}`)).status()).toBe(200);
});

test('in strict mode the panel’s feedback stays hidden until everyone has submitted', async ({
	page,
	seed
}) => {
	const { priya, sam, loopId, priyaCard, samCard } = await panel(seed, { strict: true });
	await seed.submitScorecard(priya, priyaCard);
	await seed.signIn(page.context(), priya);
	expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(403);
	await expect(page.getByText('hidden until the whole panel has submitted')).toBeVisible();
	await seed.submitScorecard(sam, samCard);
	expect((await page.goto(`/loops/${loopId}/results`))?.status()).toBe(200);
});

test('amending a submitted scorecard needs a reason, keeps the original and is audited', async ({
	page,
	seed
}) => {
	const { priya, recruiter, loopId, priyaCard } = await panel(seed);
	await seed.submitScorecard(priya, priyaCard, 3, 3);
	await openKitSubmitted(page, seed, priya, priyaCard);
	await page.getByText('Amend this scorecard').click();
	const amend = page.locator('form[action^="?/amend"]');
	await amend
		.getByRole('radio', { name: /^2 · Below the bar/ })
		.first()
		.check();
	await amend.getByRole('button', { name: 'Save amendment' }).click();
	const problems = amend.getByRole('alert');
	await expect(problems).toBeFocused();
	await problems.getByRole('link', { name: 'Say why you are amending this scorecard' }).click();
	await expect(amend.getByLabel('Reason for the amendment')).toBeFocused();
	await expectNoViolations(page);
	await expect(amend.getByRole('radio', { name: /^2 · Below the bar/ }).first()).toBeChecked();

	await amend.getByLabel('Reason for the amendment').fill('Re-read my notes: the bug fix needed hints.');
	await amend.getByRole('button', { name: 'Save amendment' }).click();
	await expect(page.getByText('Amendment saved')).toBeVisible();
	await expect(page.getByText(/Amended \(“Re-read my notes/)).toBeVisible();
	const events = await seed.db
		.selectFrom('auditEvent')
		.selectAll()
		.where('entityType', '=', 'scorecard')
		.where('entityId', '=', String(priyaCard))
		.execute();
	expect(events.map((e) => e.action)).toEqual(['scorecard.submitted', 'scorecard.amended']);
	expect(JSON.parse(events[1]!.after!).reason).toBe('Re-read my notes: the bug fix needed hints.');
	const original = await seed.db
		.selectFrom('scorecardSubmission')
		.select('content')
		.where('scorecardId', '=', priyaCard)
		.orderBy('id')
		.executeTakeFirstOrThrow();
	expect(JSON.parse(original.content).ratings[0].rating).toBe(3);

	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/${loopId}/results`);
	await expect(page.getByRole('article', { name: `${priya.name}’s scorecard` })).toContainText('Amended');
});

test('“Amend this scorecard”, opened while the page is still loading, stays open once its scripts run', async ({
	page,
	seed
}) => {
	const { priya, priyaCard } = await panel(seed);
	await seed.submitScorecard(priya, priyaCard, 3, 3);
	await seed.signIn(page.context(), priya);
	// The app's scripts wait until the disclosure has been opened, as on a slow phone.
	let releaseScripts = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(`/interviews/${priyaCard}`, { waitUntil: 'commit' });
	await page.getByText('Amend this scorecard').click();
	releaseScripts();
	await expect(page.locator('html.js')).toBeAttached();
	await expect(page.getByLabel('Reason for the amendment')).toBeVisible();
});

async function openKitSubmitted(page: Page, seed: Seed, who: SeededUser, scorecardId: number) {
	await seed.signIn(page.context(), who);
	await page.goto(`/interviews/${scorecardId}`);
	await expect(page.getByRole('heading', { name: 'Your submitted scorecard' })).toBeVisible();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('Save draft and Submit post the whole form', async ({ page, seed }) => {
		const { priya, priyaCard } = await panel(seed);
		await seed.signIn(page.context(), priya);
		await page.goto(`/interviews/${priyaCard}`);
		await page.getByLabel('Free notes').fill('Posted without scripts.');
		await page
			.getByRole('radio', { name: /^3 · Meets the bar/ })
			.first()
			.check();
		await page.getByRole('button', { name: 'Save draft' }).first().click();
		await expect(page.getByRole('status')).toHaveText(/^Draft saved at \d\d:\d\d$/);
		await expect(page.getByLabel('Free notes')).toHaveValue('Posted without scripts.');
		expect((await content(seed, priyaCard)).document.freeNotes).toBe('Posted without scripts.');

		await page.getByRole('button', { name: 'Submit scorecard' }).first().click();
		// The answer opens at the summary, focused and clear of the sticky save bar.
		expect(new URL(page.url()).hash).toBe('#error-summary');
		await expectSummaryFocusedBelowBar(page, '3 things are missing before you can submit');
		await expect(page.getByRole('alert').getByRole('link')).toHaveText([
			'Add the evidence behind your Coding rating',
			'Rate Problem solving, or mark it not assessed',
			'Choose an overall recommendation'
		]);
		await expect(page.getByLabel('Free notes')).toHaveValue('Posted without scripts.');
		await page.getByLabel('Evidence for Coding').fill('Working code with tests.');
		await page
			.getByRole('radio', { name: /^2 · Below the bar/ })
			.nth(1)
			.check();
		await page.getByLabel('Evidence for Problem solving').fill('Needed a hint.');
		await page.getByRole('radio', { name: 'Yes', exact: true }).check();
		await page.getByRole('button', { name: 'Submit scorecard' }).first().click();
		await expect(page.getByRole('heading', { name: 'Your submitted scorecard' })).toBeVisible();
	});
});
