import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { feedbackAccess } from '../../../src/lib/server/access/feedback-access';
import { getCalibration, leniencyOf } from '../../../src/lib/server/calibration/calibration';
import { getTrend } from '../../../src/lib/server/calibration/calibration-trend';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { addToPanel } from '../../../src/lib/server/hiring/panel';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { focusCompetencyIds, newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

// Calibration counts complete loops only, so that no figure reveals feedback the independence
// rule still hides from anyone. A practice seat neither holds a loop back nor completes it
// (decision 030), so a loop can be complete while someone who runs the opening still waits on
// their own practice card, or on the decision: its figures must stay out of what they see.

const t0 = Date.UTC(2026, 5, 1, 9);
const all = { from: t0 - 365 * day, to: t0 + 365 * day };

/**
 * A complete loop of an opening Hana manages, where Priya rates 4 and Lena 2 on the first round, with
 * Hana (a hiring manager) and Rhea (a recruiter) each on a shadow seat, their cards to come.
 */
async function completeLoopWithPracticeSeats(strict: boolean) {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const hana = await newUser(db, { name: 'Hana' });
	const rhea = await newUser(db, { role: 'recruiter', name: 'Rhea' });
	const priya = await newUser(db, { name: 'Priya' });
	const lena = await newUser(db, { name: 'Lena' });
	const openingId = await newOpening(db, [hana], {
		templateName: strict ? 'Engineering Manager' : 'Senior Software Engineer'
	});
	const candidateId = await newCandidate(db, [openingId], 'Ada');
	const loop = await createLoop(db, recruiter, {
		candidateId,
		openingId,
		panel: [
			{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
			{ round: 0, interviewerIds: [lena.id], scheduledAt: t0 }
		]
	});
	const practiceIds: number[] = [];
	for (const trainee of [hana, rhea]) {
		const [id] = await addToPanel(
			db,
			recruiter,
			loop.loopId,
			{ roundId: loop.rounds[0]!.id, interviewerIds: [trainee.id], scheduledAt: t0, role: 'shadow' },
			t0 - day
		);
		practiceIds.push(id!);
	}
	await submitAs(db, priya, loop.scorecards[0]!.id, { rating: 4, now: t0 + 3 * hour });
	await submitAs(db, lena, loop.scorecards[1]!.id, { rating: 2, now: t0 + 3 * hour });
	const [hanaCard, rheaCard] = practiceIds as [number, number];
	const [competencyId] = await focusCompetencyIds(db, loop.scorecards[0]!.id);
	const subjects = { priya, competencyId: competencyId! };
	return { db, recruiter, hana, rhea, subjects, loopId: loop.loopId, hanaCard, rheaCard };
}

/** Every calibration figure the viewer gets that this loop's ratings could be in. */
async function figuresFor(
	db: DB,
	viewer: AuthUser,
	{ priya, competencyId }: { priya: AuthUser; competencyId: number }
) {
	const calibration = await getCalibration(db, viewer, all);
	return {
		interviewers: calibration.interviewers.map((i) => i.name),
		competencies: calibration.competencies.map((c) => c.name),
		hiddenFromYou: calibration.hiddenFromYou,
		direct: (await getCalibration(db, viewer, all, { months: false })).interviewers.map((i) => i.name),
		priyaTrend: await getTrend(db, viewer, { interviewerId: priya.id }, all),
		competencyTrend: await getTrend(db, viewer, { competencyId }, all),
		priyaLeniency: (await leniencyOf(db, viewer, [priya.id])).get(priya.id)!.n
	};
}

// Left out, and said so.
const nothing = {
	interviewers: [],
	competencies: [],
	hiddenFromYou: 1,
	direct: [],
	priyaTrend: [],
	competencyTrend: [],
	priyaLeniency: 0
};

describe.each([
	{ mode: 'after own', strict: false },
	{ mode: 'strict', strict: true }
])('in $mode mode, calibration for someone who runs the opening on a practice seat', ({ strict }) => {
	it('leaves a complete loop out until their own card is in and the loop decided, as its feedback is', async () => {
		const { db, recruiter, hana, rhea, subjects, loopId, hanaCard, rheaCard } =
			await completeLoopWithPracticeSeats(strict);
		// Someone off the panel who runs the opening counts the loop at once.
		const counted = await figuresFor(db, recruiter, subjects);
		expect(counted).toMatchObject({
			interviewers: ['Lena', 'Priya'],
			hiddenFromYou: 0,
			priyaTrend: [expect.objectContaining({ mean: 4, leniency: 2 })],
			competencyTrend: [expect.objectContaining({ n: 2, mean: 3 })]
		});
		expect(counted.competencies.length).toBeGreaterThan(0);
		expect(counted.priyaLeniency).toBeGreaterThan(0);

		for (const viewer of [hana, rhea]) {
			expect(await feedbackAccess(db, viewer, loopId)).toMatchObject({
				visible: false,
				reason: 'own_pending'
			});
			expect(await figuresFor(db, viewer, subjects)).toEqual(nothing);
		}
		await submitAs(db, hana, hanaCard, { now: t0 + 4 * hour });
		await submitAs(db, rhea, rheaCard, { now: t0 + 4 * hour });
		for (const viewer of [hana, rhea]) {
			expect(await feedbackAccess(db, viewer, loopId)).toMatchObject({
				visible: false,
				reason: 'loop_undecided'
			});
			expect(await figuresFor(db, viewer, subjects)).toEqual(nothing);
		}

		await recordDecision(
			db,
			recruiter,
			loopId,
			{ outcome: 'hire', rationale: 'Strong', dissent: '', attendeeIds: [recruiter.id], changeReason: '' },
			t0 + 5 * hour
		);
		for (const viewer of [hana, rhea]) expect(await figuresFor(db, viewer, subjects)).toEqual(counted);
	});
});
