import { describe, expect, it } from 'vitest';
import { sortComparison } from '../../../src/lib/domain/comparison';
import { noFeedbackYet } from '../../../src/lib/domain/decision';
import type { ScorecardDocument } from '../../../src/lib/domain/scorecard';
import { hour } from '../../../src/lib/domain/time';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import type { DB } from '../../../src/lib/server/platform/db';
import { getDebrief, recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import { cancelLoop } from '../../../src/lib/server/hiring/panel';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { saveScorecard, submitScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { countingDb, freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser } from '../helpers/factories';

const t0 = Date.UTC(2026, 10, 10, 9);

/** Submits a scorecard rating every focus competency of its round with the given value. */
async function submit(
	db: DB,
	who: AuthUser,
	scorecardId: number,
	rating: 1 | 2 | 3 | 4,
	recommendation: 1 | 2 | 3 | 4 = 3
) {
	const competencies = await db
		.selectFrom('scorecard')
		.innerJoin('loopRoundCompetency as lrc', 'lrc.roundId', 'scorecard.roundId')
		.select('lrc.competencyId')
		.where('scorecard.id', '=', scorecardId)
		.execute();
	const doc: ScorecardDocument = {
		recommendation,
		summary: `${who.name} says ${rating}`,
		freeNotes: '',
		ratings: competencies.map((c) => ({
			competencyId: c.competencyId,
			rating,
			notAssessedReason: null,
			evidence: 'seen'
		})),
		notes: []
	};
	await saveScorecard(db, who, scorecardId, 0, doc);
	await submitScorecard(db, who, scorecardId, t0 + 4 * hour);
}

async function loopWithPanel(db: DB, size: number) {
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Manager' });
	const panel = [];
	for (let i = 0; i < size; i++) panel.push(await newUser(db, { name: `Panelist ${i}` }));
	const openingId = await newOpening(db, [manager]);
	const candidateId = await newCandidate(db, [openingId], 'Ada');
	const loop = await createLoop(db, recruiter, {
		candidateId,
		openingId,
		panel: panel.map((p, i) => ({ round: i % 5, interviewerIds: [p.id], scheduledAt: t0 + i * hour }))
	});
	return { recruiter, manager, panel, openingId, candidateId, ...loop };
}

describe('loop results', () => {
	it('aggregates the submitted ratings: Coding rated 4 in round 1 and 2 in round 3', async () => {
		const db = freshDb();
		const { recruiter, panel, loopId, scorecards } = await loopWithPanel(db, 3);
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
			const { recruiter, panel, loopId, scorecards } = await loopWithPanel(db, size);
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
		const { manager, panel, loopId, scorecards } = await loopWithPanel(db, 2);
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		await expect(getLoopResults(db, panel[1]!, loopId)).rejects.toThrow(/Submit your own scorecard first/);
		expect((await getLoopResults(db, panel[0]!, loopId)).scorecards).toHaveLength(2);
		expect((await getLoopResults(db, manager, loopId)).loopId).toBe(loopId);
		await expect(getLoopResults(db, await newUser(db), loopId)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('debrief and decision', () => {
	it('records the decision with rationale, dissent and attendees; the loop becomes decided', async () => {
		const db = freshDb();
		// Panelists 0 and 2 both rate Coding (rounds 1 and 3): 4 against 2.
		const { manager, panel, loopId, scorecards } = await loopWithPanel(db, 3);
		const given = [
			[4, 4],
			[3, 3],
			[2, 1]
		] as const;
		for (const [i, card] of scorecards.entries())
			await submit(db, panel[i]!, card.id, given[i]![0], given[i]![1]);
		const debrief = await getDebrief(db, manager, loopId);
		expect(debrief.agenda[0]).toMatchObject({ type: 'disagreement' });
		expect(debrief.agenda.some((item) => item.type === 'strong_no')).toBe(true);

		await recordDecision(
			db,
			manager,
			loopId,
			{
				outcome: 'hold',
				rationale: 'Split panel; a second system design round first.',
				dissent: 'Panelist 1 would decline now.',
				attendeeIds: [manager.id, panel[0]!.id, panel[1]!.id],
				changeReason: '',
				notes: { 'strong-no': 'Heard the concerns.', bogus: 'dropped' }
			},
			t0 + 48 * hour
		);
		const loop = await getLoop(db, manager, loopId, t0 + 49 * hour);
		expect(loop.status).toBe('decided');
		expect(loop.outcome).toBe('hold');
		const after = await getDebrief(db, manager, loopId);
		expect(after.notes).toEqual({ 'strong-no': 'Heard the concerns.' });
		expect(after.results.decisions[0]).toMatchObject({
			outcome: 'hold',
			dissent: 'Panelist 1 would decline now.',
			changeReason: null
		});
		expect(after.results.decisions[0]!.attendees.map((a) => a.name)).toEqual([
			'Manager',
			'Panelist 0',
			'Panelist 1'
		]);
	});

	it('changes a decision only with a reason, keeps the earlier one and audits both', async () => {
		const db = freshDb();
		const { manager, panel, loopId, scorecards } = await loopWithPanel(db, 1);
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		const decision = {
			outcome: 'hire' as const,
			rationale: 'Good.',
			dissent: '',
			attendeeIds: [manager.id],
			changeReason: ''
		};
		await recordDecision(db, manager, loopId, decision, t0);
		const missingReason = await recordDecision(db, manager, loopId, {
			...decision,
			outcome: 'no_hire'
		}).catch((e) => e);
		expect(missingReason).toBeInstanceOf(InputError);
		expect(missingReason.fieldErrors).toEqual({ changeReason: 'Say why the decision changes' });
		await recordDecision(
			db,
			manager,
			loopId,
			{ ...decision, outcome: 'no_hire', changeReason: 'References came back poor.' },
			t0 + 1
		);
		const results = await getLoopResults(db, manager, loopId);
		expect(results.decisions.map((d) => [d.outcome, d.changeReason])).toEqual([
			['hire', null],
			['no_hire', 'References came back poor.']
		]);
		const actions = (await listAuditEvents(db, 'loop', loopId))
			.map((e) => e.action)
			.filter((a) => a.includes('decid') || a.includes('decision'));
		expect(actions).toEqual(['loop.decided', 'loop.decision_changed']);
	});

	it('needs at least one submitted scorecard: with nobody’s judgement in there is nothing to decide', async () => {
		const db = freshDb();
		const { manager, panel, loopId, scorecards } = await loopWithPanel(db, 2);
		const decision = {
			outcome: 'no_hire' as const,
			rationale: 'Too early.',
			dissent: '',
			attendeeIds: [manager.id],
			changeReason: ''
		};
		await expect(recordDecision(db, manager, loopId, decision)).rejects.toThrow(noFeedbackYet);
		expect((await getLoopResults(db, manager, loopId)).decisions).toEqual([]);
		// One panelist's judgement is enough to decide early; the debrief names who is missing.
		await submit(db, panel[0]!, scorecards[0]!.id, 2);
		await recordDecision(db, manager, loopId, decision);
		expect((await getLoopResults(db, manager, loopId)).decisions.map((d) => d.outcome)).toEqual(['no_hire']);
	});

	it('is for those who run the opening: a panelist reads results but cannot decide; a cancelled loop is not decided', async () => {
		const db = freshDb();
		const { recruiter, manager, panel, loopId, scorecards } = await loopWithPanel(db, 1);
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		const decision = {
			outcome: 'hire' as const,
			rationale: 'Good.',
			dissent: '',
			attendeeIds: [manager.id],
			changeReason: ''
		};
		await expect(recordDecision(db, panel[0]!, loopId, decision)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getDebrief(db, panel[0]!, loopId)).rejects.toBeInstanceOf(ForbiddenError);
		await cancelLoop(db, recruiter, loopId, 'withdrew');
		await expect(recordDecision(db, manager, loopId, decision)).rejects.toThrow(/cancelled/);
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
