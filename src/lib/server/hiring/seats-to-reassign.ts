import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { canManageHiring } from '../access/permissions';

// Seats a deactivated interviewer left on loops still running (decision 028): someone who
// left the company, often deprovisioned through SCIM, will not finish their scorecards, so
// the recruiters see them and change the panel. Only who, where and when: nothing of what the
// scorecard holds, and not even whether it was started.

export interface SeatToReassign {
	scorecardId: number;
	loopId: number;
	candidateName: string;
	openingTitle: string;
	roundTitle: string;
	interviewerName: string;
	scheduledAt: number;
}

/** Unfinished scorecards of deactivated interviewers on loops neither cancelled nor decided; [] for anyone who does not run loops. */
export async function listSeatsToReassign(db: DB, actor: AuthUser): Promise<SeatToReassign[]> {
	if (!canManageHiring(actor)) return [];
	return db
		.selectFrom('scorecard')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select([
			'scorecard.id as scorecardId',
			'loop.id as loopId',
			'candidate.name as candidateName',
			'opening.title as openingTitle',
			'loopRound.title as roundTitle',
			'user.name as interviewerName',
			'scorecard.scheduledAt'
		])
		.where('user.deactivatedAt', 'is not', null)
		.where('scorecard.status', '!=', 'submitted')
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
		.orderBy('scorecard.scheduledAt')
		.orderBy('scorecard.id')
		.execute();
}
