import type { Locator, Page } from '@playwright/test';
import type { ScorecardDocument } from '../../../src/lib/domain/scorecard';
import { expect, type Seed, type SeededUser } from './fixtures';

// The interview kit as its journeys use it: a panel to fill, the kit open, what the server holds.

const soon = () => Date.now() + 60 * 60_000;

/** A loop whose first round (Coding) is Priya's and second (System design) is Sam's. */
export async function panel(seed: Seed, { strict = false } = {}) {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer');
	const priya = await seed.user('interviewer', `Priya ${Date.now()}`);
	const sam = await seed.user('interviewer', `Sam ${Date.now()}`);
	const openingId = await seed.opening([manager]);
	if (strict)
		await seed.db
			.updateTable('loopTemplate')
			.set({ visibilityMode: 'after_all' })
			.where('name', '=', 'Engineering Manager')
			.execute();
	const candidate = await seed.candidate([openingId], `Kit Candidate ${Date.now()}`);
	const loop = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: soon() },
		{ round: 1, interviewerIds: [sam.id], scheduledAt: soon() }
	]);
	if (strict)
		await seed.db
			.updateTable('loop')
			.set({ visibilityMode: 'after_all' })
			.where('id', '=', loop.loopId)
			.execute();
	return {
		recruiter,
		priya,
		sam,
		candidate,
		loopId: loop.loopId,
		priyaCard: loop.scorecards[0]!.id,
		samCard: loop.scorecards[1]!.id
	};
}

export async function content(seed: Seed, scorecardId: number) {
	const row = await seed.db
		.selectFrom('scorecard')
		.select(['content', 'version', 'status'])
		.where('id', '=', scorecardId)
		.executeTakeFirstOrThrow();
	return {
		...row,
		document: JSON.parse(row.content) as ScorecardDocument
	};
}

export async function openKit(page: Page, seed: Seed, who: SeededUser, scorecardId: number) {
	await seed.signIn(page.context(), who);
	await page.goto(`/interviews/${scorecardId}`);
	await expect(page.getByRole('button', { name: 'Submit scorecard' }).first()).toBeVisible();
}

/** The kit's one message about saving. */
export const saveStatus = (page: Page) => page.getByRole('status').and(page.locator('.save-status'));

/** The kit has started (scripts running, other tabs heard) and nothing is typed yet. */
export const ready = (page: Page) => expect(saveStatus(page)).toHaveText('Autosave on');

/** Everything typed is on the server: the status says when it was saved (or restored and saved). */
export const saved = (page: Page, timeout?: number) =>
	expect(saveStatus(page)).toHaveText(/^(Saved|Restored from this browser and saved) \d\d:\d\d$/, {
		timeout
	});

/** `target` is in view and not under the kit's sticky save bar. */
export async function expectBelowSaveBar(page: Page, target: Locator) {
	const bar = await page.locator('.savebar').boundingBox();
	const box = await target.boundingBox();
	expect(bar && box).toBeTruthy();
	expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
	expect(box!.y).toBeLessThan(page.viewportSize()!.height);
}

/** The error summary titled `title` has focus and shows below the sticky save bar. */
export async function expectSummaryFocusedBelowBar(page: Page, title: string) {
	const summary = page.getByRole('alert');
	await expect(summary.getByRole('heading', { name: title })).toBeVisible();
	await expect(summary).toBeFocused();
	await expectBelowSaveBar(page, summary);
}
