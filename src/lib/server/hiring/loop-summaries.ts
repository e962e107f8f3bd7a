import { sql } from 'kysely';
import type { DB } from '../platform/db';
import { loopStatus, type LoopFacts, type LoopStatus } from '../../domain/loop-status';
import type { DecisionOutcome } from '../../domain/decision';
import type { AuthUser } from '../auth/session';
import { canManageHiring } from '../access/permissions';
import { feedbackAccessByLoop, type FeedbackAccess } from '../access/feedback-access';

export interface LoopSummary {
	id: number;
	candidateId: number;
	candidateName: string;
	openingId: number;
	openingTitle: string;
	createdAt: number;
	status: LoopStatus;
	submitted: number;
	scorecards: number;
	firstStart: number | null;
	/** The current decision, if any; null while the independence rule hides the loop's feedback. */
	outcome: DecisionOutcome | null;
	/** The independence rule for the viewer: the decision is feedback, and so are the numbers. */
	feedback: FeedbackAccess;
}

/** The facts loopStatus() needs, per loop, in one grouped query. */
export function loopFactsQuery(db: DB) {
	return db
		.selectFrom('loop')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select((eb) => [
			'loop.id',
			'loop.candidateId',
			'candidate.name as candidateName',
			'loop.openingId',
			'opening.title as openingTitle',
			'loop.createdAt',
			'loop.cancelledAt',
			eb
				.selectFrom('loopRound')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('loopRound.loopId', '=', 'loop.id')
				.as('rounds'),
			eb
				.selectFrom('scorecard')
				.select(sql<number>`count(distinct round_id)`.as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.seatRole', '=', 'interviewer')
				.as('staffedRounds'),
			eb
				.selectFrom('scorecard')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.seatRole', '=', 'interviewer')
				.as('scorecards'),
			eb
				.selectFrom('scorecard')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.seatRole', '=', 'interviewer')
				.where('scorecard.status', '=', 'submitted')
				.as('submitted'),
			eb
				.selectFrom('scorecard')
				.select((s) => s.fn.min('scheduledAt').as('t'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.seatRole', '=', 'interviewer')
				.as('firstStart'),
			eb
				.selectFrom('scorecard')
				.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
				.select(sql<number>`max(scorecard.scheduled_at + loop_round.duration_minutes * 60000)`.as('t'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.seatRole', '=', 'interviewer')
				.as('lastEnd'),
			'loop.outcome',
			eb
				.selectFrom('loopDecision')
				.select((s) => s.fn.max('loopDecision.decidedAt').as('t'))
				.whereRef('loopDecision.loopId', '=', 'loop.id')
				.as('decidedAt')
		]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof loopFactsQuery>['execute']>>[number];

export function toSummary(row: FactsRow, feedback: FeedbackAccess, now: number): LoopSummary {
	const facts: LoopFacts = {
		cancelledAt: row.cancelledAt,
		decidedAt: row.decidedAt === null ? null : Number(row.decidedAt),
		rounds: Number(row.rounds),
		staffedRounds: Number(row.staffedRounds),
		scorecards: Number(row.scorecards),
		submitted: Number(row.submitted),
		firstStart: row.firstStart === null ? null : Number(row.firstStart),
		lastEnd: row.lastEnd === null ? null : Number(row.lastEnd)
	};
	return {
		id: row.id,
		candidateId: row.candidateId,
		candidateName: row.candidateName,
		openingId: row.openingId,
		openingTitle: row.openingTitle,
		createdAt: row.createdAt,
		status: loopStatus(facts, now),
		submitted: facts.submitted,
		scorecards: facts.scorecards,
		firstStart: facts.firstStart,
		outcome: feedback.visible ? (row.outcome ?? null) : null,
		feedback
	};
}

/** Loops of an opening or a candidate, limited to the openings the actor runs loops for. */
export async function listLoops(
	db: DB,
	actor: AuthUser,
	filter: { openingId?: number; candidateId?: number },
	now = Date.now()
): Promise<LoopSummary[]> {
	// Newest first; loops made in the same millisecond by id, the same on both engines.
	let query = loopFactsQuery(db).orderBy('loop.createdAt', 'desc').orderBy('loop.id', 'desc');
	if (filter.openingId !== undefined) query = query.where('loop.openingId', '=', filter.openingId);
	if (filter.candidateId !== undefined) query = query.where('loop.candidateId', '=', filter.candidateId);
	if (!canManageHiring(actor)) {
		query = query.where('loop.openingId', 'in', (eb) =>
			eb.selectFrom('openingHiringManager').select('openingId').where('userId', '=', actor.id)
		);
	}
	const rows = await query.execute();
	const access = await feedbackAccessByLoop(
		db,
		actor,
		rows.map((row) => row.id)
	);
	// Every listed loop is one the actor runs, so each has an answer; none is assumed.
	return rows.flatMap((row) => {
		const feedback = access.get(row.id);
		return feedback ? [toSummary(row, feedback, now)] : [];
	});
}
