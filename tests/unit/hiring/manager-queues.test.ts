import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import { saveDebriefNotes, recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { listManagerQueues } from '../../../src/lib/server/hiring/manager-queues';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser, submitAs, type SeededUser } from '../../support/seed';

const now = Date.UTC(2026, 10, 30, 12);

/**
 * One hiring manager's opening; each loop has the template's five rounds shared out over its
 * panel (so it is past draft), every interview at `at`.
 */
async function setting() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Morgan Manager' });
	const priya = await newUser(db, { name: 'Priya' });
	const sam = await newUser(db, { name: 'Sam' });
	const openingId = await newOpening(db, [manager], { title: 'Backend Engineer' });
	async function loop(name: string, at: number, panel: SeededUser[] = [priya, sam]) {
		const candidateId = await newCandidate(db, [openingId], name);
		const created = await createLoop(
			db,
			recruiter,
			{
				candidateId,
				openingId,
				panel: [0, 1, 2, 3, 4].map((round) => ({
					round,
					interviewerIds: [panel[round % panel.length]!.id],
					scheduledAt: at
				}))
			},
			at - 7 * day
		);
		return { loopId: created.loopId, scorecards: created.scorecards };
	}
	const people = new Map([manager, priya, sam].map((u) => [u.id, u]));
	/** Submits the loop's scorecards, all of them or only those of `only`. */
	async function submit(created: Awaited<ReturnType<typeof loop>>, only?: SeededUser, rating: 1 | 4 = 4) {
		for (const seat of created.scorecards) {
			if (only && seat.interviewerId !== only.id) continue;
			await submitAs(db, people.get(seat.interviewerId)!, seat.id, { rating, recommendation: rating });
		}
	}
	return { db, recruiter, manager, priya, sam, openingId, loop, submit };
}

const names = (loops: { candidateName: string }[]) => loops.map((l) => l.candidateName);

describe("the hiring manager's queues", () => {
	it('sorts open loops into ready for debrief, awaiting a decision and overdue feedback', async () => {
		const { db, manager, priya, loop, submit } = await setting();
		await submit(await loop('Ready Rae', now - 3 * day));

		const debriefed = await loop('Debriefed Dee', now - 3 * day);
		await submit(debriefed);
		await saveDebriefNotes(db, manager, debriefed.loopId, { notes: {}, attendeeIds: [manager.id] });

		await submit(await loop('Overdue Otto', now - 2 * day), priya);

		await loop('Recent Rita', now - 2 * hour);

		const decided = await loop('Decided Dan', now - 3 * day);
		await submit(decided);
		await recordDecision(db, manager, decided.loopId, {
			outcome: 'hire',
			rationale: 'Strong on every competency.',
			dissent: '',
			attendeeIds: [manager.id],
			changeReason: ''
		});

		const queues = await listManagerQueues(db, manager, now);
		expect(names(queues!.readyForDebrief)).toEqual(['Ready Rae']);
		expect(names(queues!.awaitingDecision)).toEqual(['Debriefed Dee']);
		expect(names(queues!.overdueFeedback)).toEqual(['Overdue Otto']);
		expect(queues!.overdueFeedback[0]).toMatchObject({ overdue: 2, submitted: 3, scorecards: 5 });
		// A loop whose interviews ended two hours ago is not overdue yet.
		expect(names(Object.values(queues!).flat())).not.toContain('Recent Rita');
	});

	it('is null for someone who is hiring manager of no opening, recruiters included', async () => {
		const { db, recruiter, priya } = await setting();
		expect(await listManagerQueues(db, recruiter, now)).toBeNull();
		expect(await listManagerQueues(db, priya, now)).toBeNull();
	});

	it('lists only the loops of openings the actor manages', async () => {
		const { db, loop, submit } = await setting();
		const other = await newUser(db, { name: 'Other Manager' });
		await newOpening(db, [other]);
		await submit(await loop('Ready Rae', now - 3 * day));
		const queues = await listManagerQueues(db, other, now);
		expect(Object.values(queues!).flat()).toEqual([]);
	});

	it('tells a hiring manager who is a pending panelist no feedback, only counts', async () => {
		const { db, manager, priya, loop, submit } = await setting();
		await submit(await loop('Own Seat Olga', now - 2 * day, [priya, manager]), priya, 1);
		const queues = await listManagerQueues(db, manager, now);
		const [entry] = queues!.overdueFeedback;
		expect(entry).toMatchObject({ candidateName: 'Own Seat Olga', submitted: 3, scorecards: 5, overdue: 2 });
		expect(entry!.outcome).toBeNull();
		expect(entry!.feedback.visible).toBe(false);
		expect(JSON.stringify(entry)).not.toMatch(/recommendation|rating|Summary by/i);
	});
});
