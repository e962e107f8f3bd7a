import type { Page } from '@playwright/test';
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

export const saved = (page: Page, timeout?: number) =>
	expect(page.getByRole('status').filter({ hasText: /changes saved|Saving|Unsaved/ })).toHaveText(
		'All changes saved',
		{ timeout }
	);
