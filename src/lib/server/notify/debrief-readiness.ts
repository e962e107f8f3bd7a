import type { DB } from '../platform/db';
import { recordEvent } from './events';

/**
 * Records loop.ready_for_debrief when a change just completed the panel of an open, undecided
 * loop (the last scorecard came in, or the last missing seat was taken off). Call it after
 * refreshLoopCalibration, which keeps loop.completedAt, with whether the loop was complete before.
 */
export async function recordIfReadyForDebrief(
	trx: DB,
	loopId: number,
	completeBefore: boolean,
	meta: { now: number; actorUserId: number | null }
): Promise<void> {
	if (completeBefore) return;
	const loop = await trx
		.selectFrom('loop')
		.select(['openingId', 'completedAt', 'cancelledAt', 'outcome'])
		.where('id', '=', loopId)
		.executeTakeFirstOrThrow();
	if (loop.completedAt === null || loop.cancelledAt !== null || loop.outcome !== null) return;
	await recordEvent(trx, 'loop.ready_for_debrief', { loopId, openingId: loop.openingId }, meta);
}

/** Whether the loop's whole panel had submitted, read before a change. */
export async function isLoopComplete(trx: DB, loopId: number): Promise<boolean> {
	const loop = await trx
		.selectFrom('loop')
		.select('completedAt')
		.where('id', '=', loopId)
		.executeTakeFirstOrThrow();
	return loop.completedAt !== null;
}
