import { describe, expect, it } from 'vitest';
import { sortComparison } from '../../../src/lib/domain/comparison';
import { hour } from '../../../src/lib/domain/time';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { countingDb, freshDb } from '../helpers/db';
import { newCandidate, newLoop, newOpening, newUser, submitAs } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 10, 9);

/** Submits a scorecard rating every focus competency of its round with the given value. */
const submit = (
	db: DB,
	who: AuthUser,
	scorecardId: number,
	rating: 1 | 2 | 3 | 4,
	recommendation: 1 | 2 | 3 | 4 = 3
) => submitAs(db, who, scorecardId, { rating, recommendation, now: t0 + 4 * hour });

describe('loop results', () => {
	it('aggregates the submitted ratings: Coding rated 4 in round 1 and 2 in round 3', async () => {
		const db = freshDb();
		const { recruiter, panel, loopId, scorecards } = await newLoop(db, { size: 3, at: t0 });
		// Panelist 0 takes Coding (round 1: Coding, Problem solving); panelist 2 takes round 3 (also Coding).
		await submit(db, panel[0]!, scorecards[0]!.id, 4, 4);
		await submit(db, panel[2]!, scorecards[2]!.id, 2, 1);
		const results = await getLoopResults(db, recruiter, loopId);
		const coding = results.competencies.find((c) => c.name === 'Coding')!;
		expect(coding).toMatchObject({ n: 2, mean: 3, min: 2, max: 4, spread: 2, disagreement: true });
		expect(results.recommendations).toMatchObject({
			counts: { 1: 1, 2: 0, 3: 0, 4: 1 },
			anyStrongNo: true,
			mean: 2.5
		});
		expect(results.scorecards.filter((s) => s.document).map((s) => s.interviewerName)).toEqual([
			'Panelist 0',
			'Panelist 2'
		]);
		expect(results.scorecards.find((s) => s.interviewerName === 'Panelist 1')!.document).toBeNull();
	});

	it('reads a fixed number of queries whatever the size of the panel', async () => {
		const counts: number[] = [];
		for (const size of [2, 8]) {
			const { db, queries, reset } = countingDb();
			const { recruiter, panel, loopId, scorecards } = await newLoop(db, { size, at: t0 });
			for (const [i, card] of scorecards.entries()) await submit(db, panel[i]!, card.id, 3);
			reset();
			await getLoopResults(db, recruiter, loopId);
			counts.push(queries());
		}
		expect(counts[0]).toBe(counts[1]);
		expect(counts[0]).toBeLessThanOrEqual(10);
	});

	it('follows the independence rule, and refuses people with no part in the opening', async () => {
		const db = freshDb();
		const { manager, panel, loopId, scorecards } = await newLoop(db, { size: 2, at: t0 });
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		await expect(getLoopResults(db, panel[1]!, loopId)).rejects.toThrow(/Submit your own scorecard first/);
		expect((await getLoopResults(db, panel[0]!, loopId)).scorecards).toHaveLength(2);
		expect((await getLoopResults(db, manager, loopId)).loopId).toBe(loopId);
		await expect(getLoopResults(db, await newUser(db), loopId)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('comparison', () => {
	it('puts each candidate’s means side by side and hides loops the viewer has yet to score', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const manager = await newUser(db, { name: 'Manager' });
		const priya = await newUser(db, { name: 'Priya' });
		const openingId = await newOpening(db, [manager]);
		const candidates = [await newCandidate(db, [openingId], 'Bo'), await newCandidate(db, [openingId], 'Al')];
		const loops = [];
		for (const candidateId of candidates) {
			loops.push(
				await createLoop(db, recruiter, {
					candidateId,
					openingId,
					panel: [
						{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
						{ round: 1, interviewerIds: [manager.id], scheduledAt: t0 }
					]
				})
			);
		}
		await submit(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await submit(db, manager, loops[0]!.scorecards[1]!.id, 2);
		await submit(db, priya, loops[1]!.scorecards[0]!.id, 3);

		const staff = await getComparison(db, recruiter, openingId);
		const bo = staff.rows.find((r) => r.candidateName === 'Bo')!;
		const coding = staff.competencies.find((c) => c.name === 'Coding')!;
		const design = staff.competencies.find((c) => c.name === 'System design')!;
		expect(bo.means[coding.id]).toBe(4);
		expect(bo.means[design.id]).toBe(2);
		expect(bo.recommendations.n).toBe(2);
		expect(sortComparison(staff.rows, `c${coding.id}`, 'desc').map((r) => r.candidateName)).toEqual([
			'Bo',
			'Al'
		]);
		expect(sortComparison(staff.rows, `c${design.id}`, 'asc').map((r) => r.candidateName)).toEqual([
			'Bo',
			'Al'
		]);

		// The hiring manager sits on Al's panel and has not scored it: Al's numbers stay hidden.
		const theirs = await getComparison(db, manager, openingId);
		expect(theirs.rows.find((r) => r.candidateName === 'Al')).toMatchObject({
			visible: false,
			technicalMean: null
		});
		expect(theirs.rows.find((r) => r.candidateName === 'Bo')!.visible).toBe(true);
		await expect(getComparison(db, priya, openingId)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('reads a fixed number of queries whatever the number of candidates', async () => {
		const counts: number[] = [];
		for (const size of [2, 12]) {
			const { db, queries, reset } = countingDb();
			const recruiter = await newUser(db, { role: 'recruiter' });
			const priya = await newUser(db);
			const openingId = await newOpening(db, [recruiter]);
			for (let i = 0; i < size; i++) {
				const candidateId = await newCandidate(db, [openingId]);
				const loop = await createLoop(db, recruiter, {
					candidateId,
					openingId,
					panel: [{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 }]
				});
				await submit(db, priya, loop.scorecards[0]!.id, 3);
			}
			reset();
			const comparison = await getComparison(db, recruiter, openingId);
			expect(comparison.rows).toHaveLength(size);
			counts.push(queries());
		}
		expect(counts[0]).toBe(counts[1]);
		expect(counts[0]).toBeLessThanOrEqual(10);
	});
});
