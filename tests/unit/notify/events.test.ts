import { afterEach, describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { createCandidate } from '../../../src/lib/server/hiring/candidates';
import {
	addToPanel,
	cancelLoop,
	removeFromPanel,
	rescheduleInterview
} from '../../../src/lib/server/hiring/panel';
import { enqueueJob } from '../../../src/lib/server/jobs/queue';
import { subscribe, type DomainEvent } from '../../../src/lib/server/notify/events';
import { IncompleteError } from '../../../src/lib/server/platform/errors';
import { submitScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { freshDb } from '../helpers/db';
import { amendAs, newLoop, newUser, submitAs } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 30, 9);

const removals: (() => void)[] = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));

/** Every event recorded from now on, as type and data. */
function listen() {
	const seen: DomainEvent[] = [];
	removals.push(subscribe({ types: '*', handle: async (_trx, event) => void seen.push(event) }));
	return { all: () => seen.map((e) => ({ type: e.type, data: e.data })), events: seen };
}

const decision = {
	outcome: 'hire' as const,
	rationale: 'Strong across the board.',
	dissent: '',
	attendeeIds: [],
	changeReason: ''
};

describe('domain events', () => {
	it('names each seat of a new loop, and each seat added, moved or taken off later', async () => {
		const db = freshDb();
		const { all, events } = listen();
		const { recruiter, loopId, scorecards, panel, rounds } = await newLoop(db, { size: 2, at: t0 });
		expect(all()).toEqual([
			{ type: 'candidate.created', data: { candidateId: expect.any(Number) } },
			...scorecards.map((s, i) => ({
				type: 'panel.assigned',
				data: {
					loopId,
					scorecardId: s.id,
					interviewerId: panel[i]!.id,
					roundId: s.roundId,
					scheduledAt: t0 + i * hour
				}
			}))
		]);
		expect(events[1]).toMatchObject({ actorUserId: recruiter.id, id: expect.stringMatching(/^evt_/) });
		expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
		events.length = 0;

		const sam = await newUser(db, { name: 'Sam' });
		const [added] = await addToPanel(db, recruiter, loopId, {
			roundId: rounds[2]!.id,
			interviewerIds: [sam.id],
			scheduledAt: t0 + 5 * hour
		});
		await rescheduleInterview(db, recruiter, loopId, added!, t0 + 6 * hour);
		await removeFromPanel(db, recruiter, loopId, added!);
		const seat = { loopId, scorecardId: added, interviewerId: sam.id, roundId: rounds[2]!.id };
		expect(all()).toEqual([
			{ type: 'panel.assigned', data: { ...seat, scheduledAt: t0 + 5 * hour } },
			{
				type: 'panel.rescheduled',
				data: { ...seat, scheduledAt: t0 + 6 * hour, previousScheduledAt: t0 + 5 * hour }
			},
			{ type: 'panel.removed', data: { ...seat, scheduledAt: t0 + 6 * hour } }
		]);
	});

	it('says when a scorecard is submitted or amended, and when the last one makes the loop ready for debrief', async () => {
		const db = freshDb();
		const { loopId, openingId, scorecards, panel, manager } = await newLoop(db, { size: 2, at: t0 });
		const { all } = listen();
		const card = (i: number) => ({
			loopId,
			scorecardId: scorecards[i]!.id,
			interviewerId: panel[i]!.id,
			roundId: scorecards[i]!.roundId
		});
		await submitAs(db, panel[0]!, scorecards[0]!.id);
		expect(all()).toEqual([{ type: 'scorecard.submitted', data: card(0) }]);
		await submitAs(db, panel[1]!, scorecards[1]!.id);
		await amendAs(db, panel[1]!, scorecards[1]!.id, 'On reflection, stronger.');
		await recordDecision(db, manager, loopId, decision, t0 + 30 * hour);
		expect(all().slice(1)).toEqual([
			{ type: 'scorecard.submitted', data: card(1) },
			{ type: 'loop.ready_for_debrief', data: { loopId, openingId } },
			{ type: 'scorecard.amended', data: { ...card(1), version: expect.any(Number) } },
			{ type: 'loop.decided', data: { loopId, openingId, decisionId: expect.any(Number), changed: false } }
		]);
	});

	it('makes a loop ready for debrief when the one missing seat is taken off', async () => {
		const db = freshDb();
		const { recruiter, loopId, openingId, scorecards, panel } = await newLoop(db, { size: 2, at: t0 });
		await submitAs(db, panel[0]!, scorecards[0]!.id);
		const { all } = listen();
		await removeFromPanel(db, recruiter, loopId, scorecards[1]!.id);
		expect(all().map((e) => e.type)).toEqual(['panel.removed', 'loop.ready_for_debrief']);
		expect(all()[1]!.data).toEqual({ loopId, openingId });
	});

	it('says when a loop is cancelled or a candidate created', async () => {
		const db = freshDb();
		const { recruiter, loopId, openingId } = await newLoop(db, { size: 1, at: t0 });
		const { all } = listen();
		await cancelLoop(db, recruiter, loopId, 'Withdrew');
		const candidateId = await createCandidate(db, recruiter, {
			name: 'Grace',
			email: 'grace@example.org',
			notes: '',
			openingIds: []
		});
		expect(all()).toEqual([
			{ type: 'loop.cancelled', data: { loopId, openingId } },
			{ type: 'candidate.created', data: { candidateId } }
		]);
	});

	it('leaves the jobs a subscriber queued out when the change fails', async () => {
		const db = freshDb();
		const { scorecards, panel } = await newLoop(db, { size: 1, at: t0 });
		removals.push(
			subscribe({
				types: ['scorecard.submitted'],
				handle: (trx, event) =>
					enqueueJob(trx, { kind: 'test.mail', payload: {}, key: event.id }).then(() => {})
			})
		);
		// Nothing filled in: the submit is refused after nothing was written.
		await expect(submitScorecard(db, panel[0]!, scorecards[0]!.id)).rejects.toThrow(IncompleteError);
		expect(await db.selectFrom('job').select('id').execute()).toEqual([]);
		await submitAs(db, panel[0]!, scorecards[0]!.id);
		expect(await db.selectFrom('job').select('kind').execute()).toEqual([{ kind: 'test.mail' }]);
	});
});
