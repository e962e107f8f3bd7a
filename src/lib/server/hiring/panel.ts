import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { SeatRole } from '../../domain/seat-roles';
import { assertCanManageOpeningLoops } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../platform/errors';
import { refreshLoopCalibration } from '../calibration/calibration-upkeep';
import { assertActiveInterviewers } from './loops';
import { recordEvent } from '../notify/events';
import { isLoopComplete, recordIfReadyForDebrief } from '../notify/debrief-readiness';

// Changes to a loop's panel after it was created; every one is audited on the loop.

/** A loop whose panel may still change: it exists, the actor runs it, and it is not cancelled. */
async function editableLoop(db: DB, actor: AuthUser, loopId: number) {
	const loop = await db
		.selectFrom('loop')
		.select(['id', 'openingId', 'cancelledAt'])
		.where('id', '=', loopId)
		.executeTakeFirst();
	if (!loop) throw new NotFoundError('No such loop');
	await assertCanManageOpeningLoops(db, actor, loop.openingId);
	if (loop.cancelledAt !== null) throw new ConflictError('This loop is cancelled');
	return loop;
}

export async function addToPanel(
	db: DB,
	actor: AuthUser,
	loopId: number,
	input: { roundId: number; interviewerIds: number[]; scheduledAt: number; role?: SeatRole },
	now = Date.now()
): Promise<number[]> {
	return db.transaction().execute(async (trx) => {
		const loop = await editableLoop(trx, actor, loopId);
		const round = await trx
			.selectFrom('loopRound')
			.select(['id', 'title', 'kind'])
			.where('id', '=', input.roundId)
			.where('loopId', '=', loopId)
			.executeTakeFirst();
		if (!round) throw new InputError({ roundId: 'Choose a round of this loop' });
		const names = (await assertActiveInterviewers(trx, input.interviewerIds, 'interviewerIds')).map(
			(p) => p.name
		);
		const existing = await trx
			.selectFrom('scorecard')
			.select('interviewerId')
			.where('roundId', '=', round.id)
			.execute();
		const ids = [...new Set(input.interviewerIds)];
		if (ids.some((id) => existing.some((e) => e.interviewerId === id))) {
			throw new InputError({ interviewerIds: 'That interviewer is already on this round' });
		}
		const created: number[] = [];
		for (const interviewerId of ids) {
			const { id } = await trx
				.insertInto('scorecard')
				.values({
					loopId,
					roundId: round.id,
					interviewerId,
					scheduledAt: input.scheduledAt,
					openingId: loop.openingId,
					roundKind: round.kind,
					seatRole: input.role ?? 'interviewer',
					createdAt: now,
					updatedAt: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			created.push(id);
			await recordEvent(
				trx,
				'panel.assigned',
				{ loopId, scorecardId: id, interviewerId, roundId: round.id, scheduledAt: input.scheduledAt },
				{ now, actorUserId: actor.id }
			);
		}
		await trx.updateTable('loop').set({ updatedAt: now }).where('id', '=', loopId).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'loop.panel_added',
				entityType: 'loop',
				entityId: loopId,
				after: { round: round.title, interviewers: names, ...input }
			},
			now
		);
		await refreshLoopCalibration(trx, loopId);
		return created;
	});
}

async function panelMember(db: DB, loopId: number, scorecardId: number) {
	const member = await db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.select([
			'scorecard.id',
			'scorecard.status',
			'scorecard.scheduledAt',
			'scorecard.interviewerId',
			'scorecard.roundId',
			'user.name',
			'loopRound.title'
		])
		.where('scorecard.id', '=', scorecardId)
		.where('scorecard.loopId', '=', loopId)
		.executeTakeFirst();
	if (!member) throw new NotFoundError('No such panel member on this loop');
	return member;
}

/**
 * Takes someone else off a round; not once they have started their scorecard (their words
 * stay). Nobody takes their own seat off (docs/design.md): that would open the colleagues'
 * feedback to them at once; someone else who runs the opening can. The audit names who
 * removed whom: the actor, and the interviewer in `before`.
 */
export async function removeFromPanel(
	db: DB,
	actor: AuthUser,
	loopId: number,
	scorecardId: number,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await editableLoop(trx, actor, loopId);
		const member = await panelMember(trx, loopId, scorecardId);
		if (member.interviewerId === actor.id) {
			throw new ForbiddenError(
				'You cannot take yourself off this panel: someone else who runs this opening can remove your seat.',
				true
			);
		}
		if (member.status !== 'not_started') {
			throw new ConflictError(
				`${member.name} has started their scorecard for ${member.title}, so they stay on the panel`
			);
		}
		const completeBefore = await isLoopComplete(trx, loopId);
		await trx.deleteFrom('scorecard').where('id', '=', scorecardId).execute();
		await trx.updateTable('loop').set({ updatedAt: now }).where('id', '=', loopId).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'loop.panel_removed',
				entityType: 'loop',
				entityId: loopId,
				before: {
					round: member.title,
					interviewerId: member.interviewerId,
					interviewer: member.name,
					scheduledAt: member.scheduledAt
				}
			},
			now
		);
		await refreshLoopCalibration(trx, loopId);
		const meta = { now, actorUserId: actor.id };
		const { interviewerId, roundId, scheduledAt } = member;
		await recordEvent(
			trx,
			'panel.removed',
			{ loopId, scorecardId, interviewerId, roundId, scheduledAt },
			meta
		);
		await recordIfReadyForDebrief(trx, loopId, completeBefore, meta);
	});
}

export async function rescheduleInterview(
	db: DB,
	actor: AuthUser,
	loopId: number,
	scorecardId: number,
	scheduledAt: number,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await editableLoop(trx, actor, loopId);
		const member = await panelMember(trx, loopId, scorecardId);
		if (member.status === 'submitted')
			throw new ConflictError('This interview’s scorecard is already submitted');
		await trx
			.updateTable('scorecard')
			.set({ scheduledAt, updatedAt: now })
			.where('id', '=', scorecardId)
			.execute();
		await trx.updateTable('loop').set({ updatedAt: now }).where('id', '=', loopId).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'loop.rescheduled',
				entityType: 'loop',
				entityId: loopId,
				before: { round: member.title, interviewer: member.name, scheduledAt: member.scheduledAt },
				after: { round: member.title, interviewer: member.name, scheduledAt }
			},
			now
		);
		await recordEvent(
			trx,
			'panel.rescheduled',
			{
				loopId,
				scorecardId,
				interviewerId: member.interviewerId,
				roundId: member.roundId,
				scheduledAt,
				previousScheduledAt: member.scheduledAt
			},
			{ now, actorUserId: actor.id }
		);
	});
}

export async function cancelLoop(
	db: DB,
	actor: AuthUser,
	loopId: number,
	reason: string,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const loop = await editableLoop(trx, actor, loopId);
		await trx
			.updateTable('loop')
			.set({ cancelledAt: now, updatedAt: now })
			.where('id', '=', loopId)
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'loop.cancelled',
				entityType: 'loop',
				entityId: loopId,
				after: { reason }
			},
			now
		);
		await recordEvent(
			trx,
			'loop.cancelled',
			{ loopId, openingId: loop.openingId },
			{ now, actorUserId: actor.id }
		);
		await refreshLoopCalibration(trx, loopId);
	});
}
