import type { DB } from '../platform/db';
import { isLate, isOverdue } from '../../domain/loop-status';
import type { ScorecardDocument } from '../../domain/scorecard';
import type { SeatRole } from '../../domain/seat-roles';
import type { AuthUser } from '../auth/session';
import { assertFeedbackVisible } from '../access/feedback-access';
import { canManageHiring } from '../access/permissions';
import type { PanelScorecard } from './results';
import { parseDocument } from './scorecards';

// Practice scorecards (decision 030): a shadow's or reverse shadow's card never counts, and is
// shown beside the panel's only once the loop is decided: to hiring staff, and to the trainee
// who wrote it. Nobody else, panelists included, ever reads one.

/** Always submitted: a draft is nobody else's to read. */
export interface PracticeScorecard extends PanelScorecard {
	role: Exclude<SeatRole, 'interviewer'>;
	document: ScorecardDocument;
}

/** Whether the actor may read this practice card of someone else: hiring staff, once decided. */
export async function mayReadPracticeCard(db: DB, actor: AuthUser, loopId: number): Promise<boolean> {
	if (!canManageHiring(actor)) return false;
	const loop = await db.selectFrom('loop').select('outcome').where('id', '=', loopId).executeTakeFirst();
	return loop?.outcome !== null && loop?.outcome !== undefined;
}

/** The submitted practice cards the actor may read beside the panel's; none before the decision. */
export async function listPracticeScorecards(
	db: DB,
	actor: AuthUser,
	loopId: number,
	now = Date.now()
): Promise<PracticeScorecard[]> {
	await assertFeedbackVisible(db, actor, loopId);
	const loop = await db
		.selectFrom('loop')
		.select('outcome')
		.where('id', '=', loopId)
		.executeTakeFirstOrThrow();
	if (loop.outcome === null) return [];
	const rows = await db
		.selectFrom('scorecard')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.select([
			'scorecard.id',
			'scorecard.interviewerId',
			'user.name',
			'scorecard.roundId',
			'loopRound.title',
			'loopRound.durationMinutes',
			'scorecard.seatRole',
			'scorecard.scheduledAt',
			'scorecard.status',
			'scorecard.submittedAt',
			'scorecard.amendedAt',
			'scorecard.content'
		])
		.where('scorecard.loopId', '=', loopId)
		.where('scorecard.seatRole', '!=', 'interviewer')
		.where('scorecard.status', '=', 'submitted')
		.$if(!canManageHiring(actor), (q) => q.where('scorecard.interviewerId', '=', actor.id))
		.orderBy('loopRound.position')
		.orderBy('user.name')
		.execute();
	return rows.map((s) => ({
		scorecardId: s.id,
		interviewerId: s.interviewerId,
		interviewerName: s.name,
		roundId: s.roundId,
		roundTitle: s.title,
		role: s.seatRole as PracticeScorecard['role'],
		status: s.status,
		submittedAt: s.submittedAt,
		amendedAt: s.amendedAt,
		late: isLate(s),
		overdue: isOverdue(s, now),
		document: parseDocument(s.content)
	}));
}
