import { interviewEnd } from '../../domain/loop-status';
import type { DB } from '../platform/db';
import type { InterviewEvent } from './calendar';

// Each panel seat gets a calendar invitation, kept in step with the seat: a REQUEST when it
// is set, another with the next SEQUENCE when its time changes, a CANCEL when the seat is
// removed or the loop cancelled. The state is written in the transaction of the change; the
// mail goes out through the job queue.

export interface Invitation {
	method: 'REQUEST' | 'CANCEL';
	interviewerId: number;
	event: InterviewEvent;
}

/** The seat's interview as its invitation describes it: titles read now, times as given. */
async function describe(
	trx: DB,
	row: { scorecardId: number; loopId: number; roundId: number; startsAt: number; endsAt: number },
	origin: string
): Promise<Omit<InterviewEvent, 'sequence' | 'cancelled'>> {
	const context = await trx
		.selectFrom('loopRound')
		.innerJoin('loop', 'loop.id', 'loopRound.loopId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select([
			'loopRound.title as roundTitle',
			'candidate.name as candidateName',
			'opening.title as openingTitle'
		])
		.where('loopRound.id', '=', row.roundId)
		.executeTakeFirstOrThrow();
	return {
		scorecardId: row.scorecardId,
		start: row.startsAt,
		end: row.endsAt,
		...context,
		kitUrl: `${origin}/interviews/${row.scorecardId}`
	};
}

/**
 * After a seat is set or rescheduled: the invitation to send, numbered after the last one,
 * or null when what the interviewer was last sent still holds.
 */
export async function recordSeatInvitation(
	trx: DB,
	scorecardId: number,
	origin: string,
	now = Date.now()
): Promise<Invitation | null> {
	const seat = await trx
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.select([
			'scorecard.loopId',
			'scorecard.roundId',
			'scorecard.interviewerId',
			'scorecard.scheduledAt',
			'loopRound.durationMinutes',
			'loop.cancelledAt'
		])
		.where('scorecard.id', '=', scorecardId)
		.executeTakeFirst();
	if (!seat || seat.cancelledAt !== null) return null;
	const startsAt = seat.scheduledAt;
	const endsAt = interviewEnd(seat.scheduledAt, seat.durationMinutes);
	const last = await trx
		.selectFrom('calendarInvitation')
		.selectAll()
		.where('scorecardId', '=', scorecardId)
		.executeTakeFirst();
	const unchanged =
		last &&
		last.cancelledAt === null &&
		last.startsAt === startsAt &&
		last.endsAt === endsAt &&
		last.roundId === seat.roundId;
	if (unchanged) return null;
	const sequence = last ? last.sequence + 1 : 0;
	const row = { scorecardId, loopId: seat.loopId, roundId: seat.roundId, interviewerId: seat.interviewerId };
	await trx
		.insertInto('calendarInvitation')
		.values({ ...row, sequence, startsAt, endsAt, cancelledAt: null, updatedAt: now })
		.onConflict((oc) =>
			oc
				.column('scorecardId')
				.doUpdateSet({ ...row, sequence, startsAt, endsAt, cancelledAt: null, updatedAt: now })
		)
		.execute();
	return {
		method: 'REQUEST',
		interviewerId: seat.interviewerId,
		event: { ...(await describe(trx, { ...row, startsAt, endsAt }, origin)), sequence }
	};
}

/** After seats are removed or their loop cancelled: a CANCEL for each invitation still standing. */
async function cancelInvitations(
	trx: DB,
	filter: { scorecardId: number } | { loopId: number },
	origin: string,
	now: number
): Promise<Invitation[]> {
	let query = trx.selectFrom('calendarInvitation').selectAll().where('cancelledAt', 'is', null);
	query =
		'scorecardId' in filter
			? query.where('scorecardId', '=', filter.scorecardId)
			: query.where('loopId', '=', filter.loopId);
	const standing = await query.orderBy('scorecardId').execute();
	const invitations: Invitation[] = [];
	for (const row of standing) {
		const sequence = row.sequence + 1;
		await trx
			.updateTable('calendarInvitation')
			.set({ sequence, cancelledAt: now, updatedAt: now })
			.where('scorecardId', '=', row.scorecardId)
			.execute();
		invitations.push({
			method: 'CANCEL',
			interviewerId: row.interviewerId,
			event: { ...(await describe(trx, row, origin)), sequence, cancelled: true }
		});
	}
	return invitations;
}

export async function recordSeatRemoval(trx: DB, scorecardId: number, origin: string, now = Date.now()) {
	return cancelInvitations(trx, { scorecardId }, origin, now);
}

export async function recordLoopCancellation(trx: DB, loopId: number, origin: string, now = Date.now()) {
	return cancelInvitations(trx, { loopId }, origin, now);
}
