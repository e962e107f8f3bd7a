import { describe, expect, it } from 'vitest';
import { noFeedbackYet } from '../../../src/lib/domain/decision';
import { hour } from '../../../src/lib/domain/time';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { getDebrief, recordDecision, saveDebriefNotes } from '../../../src/lib/server/evaluation/debriefs';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import { addToPanel, cancelLoop } from '../../../src/lib/server/hiring/panel';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newLoop, submitAs } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 10, 9);

const submit = (
	db: DB,
	who: AuthUser,
	scorecardId: number,
	rating: 1 | 2 | 3 | 4,
	recommendation: 1 | 2 | 3 | 4 = 3
) => submitAs(db, who, scorecardId, { rating, recommendation, now: t0 + 4 * hour });

const hireDecision = (attendeeIds: number[]) => ({
	outcome: 'hire' as const,
	rationale: 'Strong on every competency we saw.',
	dissent: '',
	attendeeIds,
	changeReason: ''
});

describe('debrief notes', () => {
	it('are kept with who attended, blank and unknown notes left out, and are there on the next visit', async () => {
		const db = freshDb();
		const { recruiter, manager, panel, loopId, scorecards } = await newLoop(db, { size: 2, at: t0 });
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		const fresh = await getDebrief(db, recruiter, loopId);
		// Before anyone saves who is there, the panel and the hiring manager start ticked.
		expect([...fresh.attendeeIds].sort()).toEqual([manager.id, ...panel.map((p) => p.id)].sort());
		const coding = fresh.results.competencies.find((c) => c.name === 'Coding')!;
		await saveDebriefNotes(db, manager, loopId, {
			notes: {
				[`competency-${coding.competencyId}`]: 'Only one rating in so far.',
				general: 'Wait for Panelist 1 before deciding.',
				'strong-no': '   ',
				bogus: 'not a section of the debrief'
			},
			attendeeIds: [manager.id, panel[0]!.id, panel[0]!.id]
		});

		// Anyone else who runs the opening picks the debrief up where it was left.
		const later = await getDebrief(db, recruiter, loopId);
		expect(later.notes).toEqual({
			[`competency-${coding.competencyId}`]: 'Only one rating in so far.',
			general: 'Wait for Panelist 1 before deciding.'
		});
		expect(later.attendeeIds).toEqual([manager.id, panel[0]!.id]);

		await saveDebriefNotes(db, recruiter, loopId, {
			notes: { general: 'Decided to wait.' },
			attendeeIds: []
		});
		expect(await getDebrief(db, manager, loopId)).toMatchObject({
			notes: { general: 'Decided to wait.' },
			attendeeIds: []
		});
	});

	it('refuse an overlong note or an attendee not in the list with a specific message, changing nothing', async () => {
		const db = freshDb();
		const { manager, panel, loopId, scorecards } = await newLoop(db, { size: 1, at: t0 });
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		const kept = { notes: { general: 'Kept.' }, attendeeIds: [manager.id] };
		await saveDebriefNotes(db, manager, loopId, kept);

		const overlong = await saveDebriefNotes(db, manager, loopId, {
			notes: { general: 'x'.repeat(10_001) },
			attendeeIds: [manager.id]
		}).catch((e: unknown) => e);
		expect(overlong).toBeInstanceOf(InputError);
		expect((overlong as InputError).fieldErrors).toEqual({
			'notes.general': 'Keep each note under 10000 characters'
		});
		const stranger = await saveDebriefNotes(db, manager, loopId, {
			notes: { general: 'Changed.' },
			attendeeIds: [manager.id, 987_654]
		}).catch((e: unknown) => e);
		expect(stranger).toBeInstanceOf(InputError);
		expect((stranger as InputError).fieldErrors).toEqual({ attendeeIds: 'Choose attendees from the list' });

		expect(await getDebrief(db, manager, loopId)).toMatchObject(kept);
	});

	it('offer the panel, the hiring managers and whoever runs it as attendees, and name who is missing', async () => {
		const db = freshDb();
		const { recruiter, panel, loopId, scorecards } = await newLoop(db, { size: 2, at: t0 });
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		const debrief = await getDebrief(db, recruiter, loopId);
		expect(debrief.attendeeOptions.map((a) => a.name)).toEqual(
			['Manager', 'Panelist 0', 'Panelist 1', recruiter.name].sort((a, b) => a.localeCompare(b))
		);
		expect(debrief.missing).toEqual([
			{ interviewerName: 'Panelist 1', roundTitle: debrief.results.rounds[1]!.title }
		]);
	});
});

describe('debrief and decision', () => {
	it('records the decision with rationale, dissent and attendees; the loop becomes decided', async () => {
		const db = freshDb();
		// Panelists 0 and 2 both rate Coding (rounds 1 and 3): 4 against 2.
		const { manager, panel, loopId, scorecards } = await newLoop(db, { size: 3, at: t0 });
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
		const { manager, panel, loopId, scorecards } = await newLoop(db, { size: 1, at: t0 });
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
		const { manager, panel, loopId, scorecards } = await newLoop(db, { size: 2, at: t0 });
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
		const { recruiter, manager, panel, loopId, scorecards } = await newLoop(db, { size: 1, at: t0 });
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

describe('the independence rule in the debrief', () => {
	it('keeps notes and decision from a hiring manager on the panel until their own scorecard is in', async () => {
		const db = freshDb();
		const { recruiter, manager, panel, loopId, rounds, scorecards } = await newLoop(db, { size: 1, at: t0 });
		const [managerCard] = await addToPanel(db, recruiter, loopId, {
			roundId: rounds[1]!.id,
			interviewerIds: [manager.id],
			scheduledAt: t0 + hour
		});
		await submit(db, panel[0]!, scorecards[0]!.id, 2);
		await saveDebriefNotes(db, recruiter, loopId, {
			notes: { general: 'Panelist 0 doubts the design skills.' },
			attendeeIds: [recruiter.id]
		});
		await recordDecision(db, recruiter, loopId, { ...hireDecision([recruiter.id]), outcome: 'no_hire' });

		const ownFirst = /Submit your own scorecard first/;
		await expect(getDebrief(db, manager, loopId)).rejects.toThrow(ownFirst);
		await expect(
			saveDebriefNotes(db, manager, loopId, { notes: { general: 'Overwritten.' }, attendeeIds: [] })
		).rejects.toThrow(ownFirst);
		await expect(
			recordDecision(db, manager, loopId, { ...hireDecision([manager.id]), changeReason: 'Overruled.' })
		).rejects.toThrow(ownFirst);
		expect((await getLoop(db, manager, loopId)).outcome).toBeNull();

		await submit(db, manager, managerCard!, 4);
		const debrief = await getDebrief(db, manager, loopId);
		expect(debrief.notes).toEqual({ general: 'Panelist 0 doubts the design skills.' });
		expect(debrief.results.decisions.map((d) => d.outcome)).toEqual(['no_hire']);
	});

	it('in strict mode, keeps the debrief from a panelist who is in until the whole panel is', async () => {
		const db = freshDb();
		const { recruiter, manager, panel, loopId, rounds, scorecards } = await newLoop(db, { size: 1, at: t0 });
		await db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
		const [managerCard] = await addToPanel(db, recruiter, loopId, {
			roundId: rounds[1]!.id,
			interviewerIds: [manager.id],
			scheduledAt: t0 + hour
		});
		await submit(db, manager, managerCard!, 4);
		await expect(getDebrief(db, manager, loopId)).rejects.toThrow(
			'This loop keeps feedback hidden until the whole panel has submitted.'
		);
		await expect(recordDecision(db, manager, loopId, hireDecision([manager.id]))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await submit(db, panel[0]!, scorecards[0]!.id, 3);
		await recordDecision(db, manager, loopId, hireDecision([manager.id]));
		expect((await getLoopResults(db, manager, loopId)).decisions.map((d) => d.outcome)).toEqual(['hire']);
	});
});
