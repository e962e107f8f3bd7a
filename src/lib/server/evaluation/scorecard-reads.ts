import type { DB } from '../platform/db';
import { isLate } from '../../domain/loop-status';
import type { ScorecardDocument } from '../../domain/scorecard';
import type { ScorecardStatus } from '../platform/schema-evaluation';
import type { AuthUser } from '../auth/session';
import { assertFeedbackVisible } from '../access/feedback-access';
import { ForbiddenError, NotFoundError } from '../platform/errors';
import { countsInResults } from '../../domain/seat-roles';
import { mayReadPracticeCard } from './practice-scorecards';
import { seatOf } from './scorecard-seats';
import { parseDocument } from './scorecards';

export interface ScorecardView {
	id: number;
	loopId: number;
	interviewerId: number;
	version: number;
	status: ScorecardStatus;
	startedAt: number | null;
	submittedAt: number | null;
	amendedAt: number | null;
	late: boolean;
	document: ScorecardDocument;
}

/**
 * A scorecard as its owner sees it, or as a colleague may once the independence rule lets
 * them see the loop's feedback (and only once it is submitted).
 */
export async function getScorecard(db: DB, actor: AuthUser, scorecardId: number): Promise<ScorecardView> {
	const seat = await seatOf(db, scorecardId);
	const row = await db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.select([
			'scorecard.version',
			'scorecard.status',
			'scorecard.startedAt',
			'scorecard.submittedAt',
			'scorecard.amendedAt',
			'scorecard.scheduledAt',
			'scorecard.content',
			'loopRound.durationMinutes'
		])
		.where('scorecard.id', '=', scorecardId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such scorecard');
	if (seat.interviewerId !== actor.id) {
		await assertFeedbackVisible(db, actor, seat.loopId);
		if (!countsInResults(seat.seatRole) && !(await mayReadPracticeCard(db, actor, seat.loopId)))
			throw new ForbiddenError(
				'A practice scorecard is shown to its trainee and to recruiters once the loop is decided'
			);
		if (row.status !== 'submitted') throw new NotFoundError('This scorecard is not submitted yet');
	}
	return {
		id: scorecardId,
		loopId: seat.loopId,
		interviewerId: seat.interviewerId,
		version: row.version,
		status: row.status,
		startedAt: row.startedAt,
		submittedAt: row.submittedAt,
		amendedAt: row.amendedAt,
		late: isLate(row),
		document: parseDocument(row.content)
	};
}

/** Everything submitted of this scorecard, oldest first: the original and each amendment with its reason. */
export async function listSubmissions(db: DB, actor: AuthUser, scorecardId: number) {
	await getScorecard(db, actor, scorecardId);
	const rows = await db
		.selectFrom('scorecardSubmission')
		.select(['id', 'content', 'reason', 'submittedAt'])
		.where('scorecardId', '=', scorecardId)
		.orderBy('submittedAt')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		reason: r.reason,
		submittedAt: r.submittedAt,
		document: parseDocument(r.content)
	}));
}
