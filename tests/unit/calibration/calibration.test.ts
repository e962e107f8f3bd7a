import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../src/lib/domain/calibration';
import { day, hour } from '../../../src/lib/domain/time';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { getCalibration, leniencyOf } from '../../../src/lib/server/calibration/calibration';
import { getTrend } from '../../../src/lib/server/calibration/calibration-trend';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { addToPanel } from '../../../src/lib/server/hiring/panel';
import { amendScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { getScorecard } from '../../../src/lib/server/evaluation/scorecard-reads';
import { freshDb } from '../helpers/db';
import { competencyId, newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

const t0 = Date.UTC(2026, 5, 1, 9);
const all = { from: t0 - 365 * day, to: t0 + 365 * day };

/** Submits as `who`, every rating and the recommendation at `rating`, 3 hours after the interview (40: late). */
const rate = (db: DB, who: AuthUser, scorecardId: number, rating: 1 | 2 | 3 | 4, late = false) =>
	submitAs(db, who, scorecardId, { rating, now: t0 + (late ? 40 : 3) * hour });

/** Two loops where Priya (Coding round) and Lena (Code reading round) both rate Coding and Problem solving. */
async function setting() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Manager' });
	const priya = await newUser(db, { name: 'Priya' });
	const lena = await newUser(db, { name: 'Lena' });
	const openingId = await newOpening(db, [manager]);
	const loops = [];
	for (const name of ['A', 'B']) {
		const candidateId = await newCandidate(db, [openingId], name);
		loops.push(
			await createLoop(db, recruiter, {
				candidateId,
				openingId,
				panel: [
					{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
					{ round: 2, interviewerIds: [lena.id], scheduledAt: t0 }
				]
			})
		);
	}
	return { db, recruiter, manager, priya, lena, openingId, loops };
}

describe('calibration', () => {
	it('computes leniency from rating minus the others’ mean, and alpha from the units', async () => {
		const { db, recruiter, priya, lena, loops } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2, true);
		await rate(db, priya, loops[1]!.scorecards[0]!.id, 3);
		await rate(db, lena, loops[1]!.scorecards[1]!.id, 3);

		const c = await getCalibration(db, recruiter, all);
		const p = c.interviewers.find((i) => i.name === 'Priya')!;
		const l = c.interviewers.find((i) => i.name === 'Lena')!;
		// Priya's d: 2, 2 (loop A) and 0, 0 (loop B): mean 1. Lena's: −2, −2, 0, 0; her Code reading ratings have no partner.
		expect(p.leniency).toMatchObject({ n: 4, leniency: 1 });
		expect(l.leniency).toMatchObject({ n: 4, leniency: -1 });
		expect(p.leniency.shrunkOffset).toBeCloseTo(4 / 14, 6);
		expect(p).toMatchObject({
			scorecards: 2,
			ratings: { 1: 0, 2: 0, 3: 2, 4: 2 },
			meanRating: 3.5,
			lateShare: 0
		});
		expect(l.lateShare).toBe(0.5);
		expect(l.medianHoursToSubmit).toBeGreaterThan(0);

		const coding = c.competencies.find((x) => x.name === 'Coding')!;
		const expected = krippendorffAlpha(
			[
				[4, 2],
				[3, 3]
			],
			'interval'
		);
		expect(coding).toMatchObject({
			units: 2,
			pairable: 4,
			alphaInterval: expected.alpha,
			lowAgreement: true
		});
		expect(coding.alphaOrdinal).toBeCloseTo(
			krippendorffAlpha(
				[
					[4, 2],
					[3, 3]
				],
				'ordinal'
			).alpha!,
			10
		);
		const reading = c.competencies.find((x) => x.name === 'Code reading and debugging')!;
		expect(reading).toMatchObject({ units: 0, pairable: 0, alphaInterval: null, mean: 2.5 });

		expect((await leniencyOf(db, recruiter, [priya.id])).get(priya.id)!.leniency).toBe(1);
	});

	it('counts complete loops only: a loop with a scorecard missing, or a panelist added later, drops out', async () => {
		const { db, recruiter, priya, lena, loops } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		const before = await getCalibration(db, recruiter, all);
		expect(before.interviewers.find((i) => i.name === 'Priya')).toBeUndefined();

		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		expect(
			(await getCalibration(db, recruiter, all)).interviewers.find((i) => i.name === 'Priya')!.scorecards
		).toBe(1);

		const roundId = (
			await db
				.selectFrom('loopRound')
				.select('id')
				.where('loopId', '=', loops[0]!.loopId)
				.orderBy('position')
				.executeTakeFirstOrThrow()
		).id;
		await addToPanel(db, recruiter, loops[0]!.loopId, {
			roundId,
			interviewerIds: [recruiter.id],
			scheduledAt: t0
		});
		expect((await getCalibration(db, recruiter, all)).interviewers).toEqual([]);
	});

	it('follows an amendment of a complete loop', async () => {
		const { db, recruiter, priya, lena, loops } = await setting();
		const card = loops[0]!.scorecards[0]!.id;
		await rate(db, priya, card, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		const { version, document } = await getScorecard(db, priya, card);
		await amendScorecard(db, priya, card, {
			reason: 'typo',
			document: { ...document, ratings: document.ratings.map((r) => ({ ...r, rating: 2 })) },
			baseVersion: version
		});
		const p = (await getCalibration(db, recruiter, all)).interviewers.find((i) => i.name === 'Priya')!;
		expect(p.leniency.leniency).toBe(0);
	});

	it('filters by date, opening and round kind', async () => {
		const { db, recruiter, priya, lena, loops, openingId } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		expect((await getCalibration(db, recruiter, { from: t0 + day, to: t0 + 2 * day })).interviewers).toEqual(
			[]
		);
		expect((await getCalibration(db, recruiter, { ...all, kind: 'leadership' })).interviewers).toEqual([]);
		expect(
			(await getCalibration(db, recruiter, { ...all, kind: 'technical', openingId })).interviewers
		).toHaveLength(2);
		expect(
			(await getCalibration(db, recruiter, { ...all, openingId: openingId + 1000 })).interviewers
		).toEqual([]);
	});

	it('shows admins and recruiters everyone, a hiring manager their openings, an interviewer only themselves', async () => {
		const { db, manager, priya, lena, loops, openingId } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		const other = await newUser(db);
		const otherOpening = await newOpening(db, [other]);

		const asManager = await getCalibration(db, manager, all);
		expect(asManager.scope).toBe('openings');
		expect(asManager.interviewers.map((i) => i.name).sort()).toEqual(['Lena', 'Priya']);
		await expect(getCalibration(db, manager, { ...all, openingId: otherOpening })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect((await getCalibration(db, other, all)).interviewers).toEqual([]);

		const asPriya = await getCalibration(db, priya, all);
		expect(asPriya).toMatchObject({ scope: 'own', competencies: [] });
		expect(asPriya.interviewers.map((i) => i.name)).toEqual(['Priya']);
		await expect(getCalibration(db, priya, { ...all, openingId })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('trends', () => {
	it('goes month by month per interviewer and per competency', async () => {
		const { db, recruiter, priya, lena, loops } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		const later = t0 + 40 * day;
		await db
			.updateTable('scorecard')
			.set({ scheduledAt: later })
			.where('loopId', '=', loops[1]!.loopId)
			.execute();
		await rate(db, priya, loops[1]!.scorecards[0]!.id, 3);
		await rate(db, lena, loops[1]!.scorecards[1]!.id, 3);

		expect(await getTrend(db, recruiter, { interviewerId: priya.id }, all)).toEqual([
			{ month: '2026-06', n: 2, mean: 4, leniency: 2, alphaInterval: null },
			{ month: '2026-07', n: 2, mean: 3, leniency: 0, alphaInterval: null }
		]);
		const coding = await competencyId(db, 'Coding');
		const months = await getTrend(db, recruiter, { competencyId: coding }, all);
		expect(months.map((m) => [m.month, m.n, m.mean])).toEqual([
			['2026-06', 2, 3],
			['2026-07', 2, 3]
		]);
		await expect(getTrend(db, priya, { interviewerId: lena.id }, all)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await getTrend(db, priya, { interviewerId: priya.id }, all)).toHaveLength(2);
	});
});

describe('adjusted scores', () => {
	it('are for those who run the opening: to a panelist they would reveal colleagues’ leniency', async () => {
		const { db, manager, priya, lena, loops } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		const loopId = loops[0]!.loopId;
		expect((await getLoopResults(db, priya, loopId)).adjustment).toBeNull();
		await expect(getLoopResults(db, priya, loopId, { adjusted: true })).rejects.toThrow(
			'Adjusted ratings show each panelist’s leniency; interviewers see calibration figures of their own only.'
		);
		expect((await getLoopResults(db, manager, loopId, { adjusted: true })).adjustment).not.toBeNull();
	});

	it('for a hiring manager count leniency over their own openings’ loops only', async () => {
		const { db, recruiter, manager, priya, lena, loops, openingId } = await setting();
		// In an opening the manager has no part in, Priya rates 4 where Lena rates 2.
		const elsewhere = await newOpening(db, [await newUser(db)]);
		const other = await createLoop(db, recruiter, {
			candidateId: await newCandidate(db, [elsewhere], 'C'),
			openingId: elsewhere,
			panel: [
				{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
				{ round: 2, interviewerIds: [lena.id], scheduledAt: t0 }
			]
		});
		await rate(db, priya, other.scorecards[0]!.id, 4);
		await rate(db, lena, other.scorecards[1]!.id, 2);
		// In the manager's opening they agree.
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 3);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 3);
		const loopId = loops[0]!.loopId;

		const staff = await getLoopResults(db, recruiter, loopId, { adjusted: true });
		expect(staff.adjustment![priya.id]!.offset).toBeGreaterThan(0);
		const theirs = await getLoopResults(db, manager, loopId, { adjusted: true });
		expect(theirs.adjustment![priya.id]).toEqual({ offset: 0, n: 2 });
		const raw = await getComparison(db, manager, openingId);
		const adjusted = await getComparison(db, manager, openingId, { adjusted: true });
		const row = (c: typeof raw) => c.rows.find((r) => r.loopId === loopId)!;
		expect(row(adjusted).means).toEqual(row(raw).means);
		expect(row(await getComparison(db, recruiter, openingId, { adjusted: true })).means).not.toEqual(
			row(raw).means
		);
	});

	it('take each interviewer’s shrunk leniency out of their ratings, in results and in the comparison', async () => {
		const { db, recruiter, priya, lena, loops, openingId } = await setting();
		await rate(db, priya, loops[0]!.scorecards[0]!.id, 4);
		await rate(db, lena, loops[0]!.scorecards[1]!.id, 2);
		await rate(db, priya, loops[1]!.scorecards[0]!.id, 3);
		await rate(db, lena, loops[1]!.scorecards[1]!.id, 3);
		// Priya: leniency +1 over n = 4, offset 4/14; Lena −1, offset −4/14.
		const raw = await getLoopResults(db, recruiter, loops[0]!.loopId);
		const adjusted = await getLoopResults(db, recruiter, loops[0]!.loopId, { adjusted: true });
		expect(raw.adjustment).toBeNull();
		expect(adjusted.adjustment![priya.id]!.offset).toBeCloseTo(4 / 14, 10);
		const rawCoding = raw.competencies.find((c) => c.name === 'Coding')!;
		const adjCoding = adjusted.competencies.find((c) => c.name === 'Coding')!;
		expect(rawCoding).toMatchObject({ mean: 3, spread: 2, disagreement: true });
		expect(adjCoding.mean).toBeCloseTo(3, 10);
		expect(adjCoding.spread).toBeCloseTo(2 - 8 / 14, 10);
		expect(adjCoding.disagreement).toBe(false);
		// Lena alone rated Code reading: 2 + 4/14.
		expect(adjusted.competencies.find((c) => c.name === 'Code reading and debugging')!.mean).toBeCloseTo(
			2 + 4 / 14,
			10
		);

		const comparison = await getComparison(db, recruiter, openingId, { adjusted: true });
		const readingId = adjusted.competencies.find(
			(c) => c.name === 'Code reading and debugging'
		)!.competencyId;
		expect(comparison.rows.find((r) => r.loopId === loops[0]!.loopId)!.means[readingId]).toBeCloseTo(
			2 + 4 / 14,
			10
		);
	});
});
