import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { getAdverseImpactReport } from '../../../src/lib/server/fairness/adverse-impact-report';
import { getRatingGaps } from '../../../src/lib/server/fairness/rating-gaps';
import { saveMonitoringSettings } from '../../../src/lib/server/fairness/monitoring-settings';
import {
	getSelfIdentificationPath,
	saveSelfIdentification
} from '../../../src/lib/server/fairness/self-identification';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

const now = Date.now();
const period = { category: 'Gender', from: now - 30 * day, to: now + day };

/** A candidate of the opening who answered Gender (or nothing), with one loop on it. */
async function loopFor(
	db: DB,
	recruiter: AuthUser,
	openingId: number,
	gender: string | null,
	panel: AuthUser[]
) {
	const candidateId = await newCandidate(db, [openingId]);
	if (gender) {
		const path = await getSelfIdentificationPath(db, recruiter, candidateId);
		await saveSelfIdentification(db, path.replace('/self-identify/', ''), { category0: gender });
	}
	return createLoop(db, recruiter, {
		candidateId,
		openingId,
		panel: panel.map((p, i) => ({ round: i, interviewerIds: [p.id], scheduledAt: now - 2 * day + i * hour }))
	});
}

/** A held loop: its one panelist recommends `recommendation`; decided as hire when `hire`. */
async function heldLoop(
	db: DB,
	recruiter: AuthUser,
	openingId: number,
	gender: string | null,
	recommendation: 1 | 2 | 3 | 4,
	hire: boolean,
	panelist?: AuthUser
) {
	panelist ??= await newUser(db);
	const { loopId, scorecards } = await loopFor(db, recruiter, openingId, gender, [panelist]);
	await submitAs(db, panelist, scorecards[0]!.id, { rating: recommendation, recommendation });
	await recordDecision(db, recruiter, loopId, {
		outcome: hire ? 'hire' : 'no_hire',
		rationale: 'Decided',
		dissent: '',
		attendeeIds: [recruiter.id],
		changeReason: ''
	});
}

async function monitoredOrganisation(db: DB) {
	const admin = await newUser(db, { role: 'admin' });
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db);
	await saveMonitoringSettings(db, admin, {
		enabled: true,
		categories: [{ name: 'Gender', options: ['Woman', 'Man', 'Non-binary'] }]
	});
	const openingId = await newOpening(db, [manager]);
	// Woman: 6 loops, 2 positive, 1 hire. Man: 5 loops, 5 positive, 3 hires.
	for (const [rec, hire] of [
		[3, true],
		[4, false],
		[2, false],
		[2, false],
		[1, false],
		[2, false]
	] as const)
		await heldLoop(db, recruiter, openingId, 'Woman', rec, hire);
	for (const [rec, hire] of [
		[3, true],
		[4, true],
		[3, true],
		[3, false],
		[4, false]
	] as const)
		await heldLoop(db, recruiter, openingId, 'Man', rec, hire);
	return { admin, recruiter, manager, openingId };
}

describe('the adverse impact report', () => {
	it('gives each group’s rates, impact ratios, the four-fifths flag and Fisher’s test as computed independently', async () => {
		const db = freshDb();
		const { recruiter, openingId } = await monitoredOrganisation(db);
		const report = await getAdverseImpactReport(db, recruiter, { ...period, openingId });
		const byGroup = Object.fromEntries(report!.rows.map((r) => [r.group, r]));
		// By hand: Man passes 5/5 and hires 3/5, Woman 2/6 and 1/6. p-values from SciPy 1.17.1,
		// fisher_exact([[2, 4], [5, 0]]) and fisher_exact([[1, 5], [3, 2]]).
		expect(byGroup.Man).toMatchObject({
			held: 5,
			stages: {
				positive: { passed: 5, rate: 1, impactRatio: 1, reference: true, flagged: false },
				hired: { passed: 3, rate: 0.6, impactRatio: 1, reference: true }
			}
		});
		const woman = byGroup.Woman!;
		if (woman.suppressed) throw new Error('Woman should be shown');
		expect(woman.held).toBe(6);
		expect(woman.stages.positive.impactRatio).toBeCloseTo(2 / 6, 12);
		expect(woman.stages.positive.flagged).toBe(true);
		expect(woman.stages.positive.pValue).toBeCloseTo(0.0606060606060606, 12);
		expect(woman.stages.hired.impactRatio).toBeCloseTo(1 / 6 / 0.6, 12);
		expect(woman.stages.hired.pValue).toBeCloseTo(0.24242424242424238, 12);
		for (const group of ['Non-binary', 'Prefer not to say', 'No answer'])
			expect(byGroup[group]).toMatchObject({ suppressed: true });
	});

	it('suppresses a small group and the next smallest, and leaves out loops not complete', async () => {
		const db = freshDb();
		const { recruiter, openingId } = await monitoredOrganisation(db);
		await heldLoop(db, recruiter, openingId, 'Non-binary', 4, true);
		// A recruiter on a panel still pending: the loop counts nowhere, for them or anyone.
		const other = await newUser(db);
		await loopFor(db, recruiter, openingId, 'Woman', [recruiter, other]);
		const report = await getAdverseImpactReport(db, recruiter, { ...period, openingId });
		const byGroup = Object.fromEntries(report!.rows.map((r) => [r.group, r]));
		expect(byGroup['Non-binary']).toEqual({ group: 'Non-binary', suppressed: true, compared: true });
		expect(byGroup.Man).toMatchObject({ suppressed: true });
		expect(byGroup.Woman).toMatchObject({ suppressed: false, held: 6 });
	});

	it('counts only the period and the opening asked for', async () => {
		const db = freshDb();
		const { recruiter, openingId } = await monitoredOrganisation(db);
		const before = await getAdverseImpactReport(db, recruiter, {
			...period,
			from: now - 60 * day,
			to: now - 31 * day
		});
		expect(before!.rows.every((r) => r.suppressed)).toBe(true);
		const elsewhere = await getAdverseImpactReport(db, recruiter, { ...period, openingId: openingId + 1 });
		expect(elsewhere!.rows.every((r) => r.suppressed)).toBe(true);
	});

	it('is for admins and recruiters only, not a hiring manager or an interviewer', async () => {
		const db = freshDb();
		const { manager } = await monitoredOrganisation(db);
		const interviewer = await newUser(db);
		await expect(getAdverseImpactReport(db, manager, period)).rejects.toThrow(ForbiddenError);
		await expect(getAdverseImpactReport(db, interviewer, period)).rejects.toThrow(ForbiddenError);
	});
});

describe('the rating gaps per interviewer', () => {
	it('give the gap between an interviewer’s ratings of each group and the others, with Welch’s interval', async () => {
		const db = freshDb();
		const { recruiter, openingId } = await monitoredOrganisation(db);
		const rater = await newUser(db, { name: 'Rater' });
		for (const rating of [3, 4, 3, 3, 4, 2] as const)
			await heldLoop(db, recruiter, openingId, 'Woman', rating, false, rater);
		for (const rating of [2, 2, 3, 2, 1] as const)
			await heldLoop(db, recruiter, openingId, 'Man', rating, false, rater);
		const gaps = await getRatingGaps(db, recruiter, { ...period, openingId });
		// Each of the other panelists rated one candidate: too few to show.
		expect(gaps.filter((g) => g.cells.some((c) => !c.suppressed)).map((g) => g.interviewerName)).toEqual([
			'Rater'
		]);
		const woman = gaps.find((g) => g.interviewerName === 'Rater')!.cells[0]!;
		if (woman.suppressed) throw new Error('Woman should be shown');
		// SciPy 1.17.1: ttest_ind([3,4,3,3,4,2], [2,2,3,2,1], equal_var=False).confidence_interval()
		expect(woman).toMatchObject({ group: 'Woman', n: 6, nOthers: 5 });
		expect(woman.gap).toBeCloseTo(1.1666666666666665, 9);
		expect(woman.ci[0]).toBeCloseTo(0.16613711978650492, 9);
		expect(woman.ci[1]).toBeCloseTo(2.167196213546828, 9);
		await expect(getRatingGaps(db, await newUser(db), period)).rejects.toThrow(ForbiddenError);
	});
});
