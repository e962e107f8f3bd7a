import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { feedbackDueAfterMs } from '../../domain/loop-status';
import { feedbackAccessByLoop } from '../access/feedback-access';
import { loopFactsQuery, toSummary, type LoopSummary } from './loop-summaries';

// The hiring manager's home: what needs them next on the loops of their own openings.

export interface QueuedLoop extends LoopSummary {
	/** Scorecards past their due time (design: 24 hours after the interview ends) and not in. */
	overdue: number;
}

export interface ManagerQueues {
	/** Every scorecard is in and nobody has opened the debrief yet. */
	readyForDebrief: QueuedLoop[];
	/** The debrief has notes or attendees saved, and no decision is recorded. */
	awaitingDecision: QueuedLoop[];
	/** At least one scorecard is overdue. */
	overdueFeedback: QueuedLoop[];
}

/** The openings the actor is a hiring manager of, by title: for the top bar's role line. */
export async function listManagedOpenings(db: DB, actor: AuthUser): Promise<{ id: number; title: string }[]> {
	return db
		.selectFrom('openingHiringManager')
		.innerJoin('opening', 'opening.id', 'openingHiringManager.openingId')
		.select(['opening.id', 'opening.title'])
		.where('openingHiringManager.userId', '=', actor.id)
		.orderBy('opening.title')
		.orderBy('opening.id')
		.execute();
}

/**
 * The queues of the openings the actor is a hiring manager of; null for someone who manages
 * none (admins and recruiters included: they run every opening, and this home is for the
 * people named on one). Only loops still open are read: neither cancelled nor decided.
 *
 * Nothing here is feedback: status, counts of scorecards in and overdue, and whether a
 * debrief was held are what a pending panelist may know too (docs/design.md), and the
 * outcome is never read.
 */
export async function listManagerQueues(
	db: DB,
	actor: AuthUser,
	now = Date.now()
): Promise<ManagerQueues | null> {
	const managed = await db
		.selectFrom('openingHiringManager')
		.select('openingId')
		.where('userId', '=', actor.id)
		.execute();
	if (!managed.length) return null;
	const dueBefore = now - feedbackDueAfterMs;
	const rows = await loopFactsQuery(db)
		.select((eb) => [
			eb
				.selectFrom('scorecard')
				.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.seatRole', '=', 'interviewer')
				.where('scorecard.status', '!=', 'submitted')
				.where(sql<number>`scorecard.scheduled_at + loop_round.duration_minutes * 60000`, '<', dueBefore)
				.as('overdue'),
			eb
				.exists(eb.selectFrom('debrief').select('debrief.loopId').whereRef('debrief.loopId', '=', 'loop.id'))
				.as('debriefHeld')
		])
		.where(
			'loop.openingId',
			'in',
			managed.map((m) => m.openingId)
		)
		.where('loop.cancelledAt', 'is', null)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('loopDecision')
						.select('loopDecision.id')
						.whereRef('loopDecision.loopId', '=', 'loop.id')
				)
			)
		)
		.orderBy('loop.createdAt')
		.orderBy('loop.id')
		.execute();
	const access = await feedbackAccessByLoop(
		db,
		actor,
		rows.map((row) => row.id)
	);
	const queues: ManagerQueues = { readyForDebrief: [], awaitingDecision: [], overdueFeedback: [] };
	for (const row of rows) {
		const feedback = access.get(row.id);
		if (!feedback) continue;
		const loop: QueuedLoop = { ...toSummary(row, feedback, now), overdue: Number(row.overdue) };
		const debriefHeld = Boolean(Number(row.debriefHeld));
		if (debriefHeld) queues.awaitingDecision.push(loop);
		else if (loop.status === 'ready_for_debrief') queues.readyForDebrief.push(loop);
		if (loop.overdue > 0) queues.overdueFeedback.push(loop);
	}
	return queues;
}
