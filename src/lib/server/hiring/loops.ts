import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CreateLoopInput } from '../../domain/hiring-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageOpeningLoops, canManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { InputError } from '../platform/errors';
import { recordEvent } from '../notify/events';

/** Ensures every named interviewer exists and is active; names the first who is not. */
export async function assertActiveInterviewers(
	db: DB,
	ids: number[],
	field: string
): Promise<{ id: number; name: string }[]> {
	if (!ids.length) return [];
	const users = await db
		.selectFrom('user')
		.select(['id', 'name', 'deactivatedAt'])
		.where('id', 'in', ids)
		.execute();
	if (users.length !== new Set(ids).size)
		throw new InputError({ [field]: 'Choose interviewers from the list' });
	const inactive = users.find((p) => p.deactivatedAt !== null);
	if (inactive) throw new InputError({ [field]: `${inactive.name} is deactivated and cannot interview` });
	return users.map(({ id, name }) => ({ id, name }));
}

export interface CreatedLoop {
	loopId: number;
	rounds: { id: number; position: number; title: string }[];
	scorecards: { id: number; roundId: number; round: number; interviewerId: number }[];
}

/**
 * Creates a loop for a candidate in an opening: the opening's template rounds are copied
 * (competencies and questions pinned to their current revisions), so
 * later edits to the template or library do not change it. Each panel entry assigns
 * interviewers to a round at a time; rounds left without one keep the loop a draft.
 */
export async function createLoop(
	db: DB,
	actor: AuthUser,
	input: CreateLoopInput,
	now = Date.now()
): Promise<CreatedLoop> {
	return db.transaction().execute(async (trx) => {
		await assertCanManageOpeningLoops(trx, actor, input.openingId);
		const opening = await trx
			.selectFrom('opening')
			.innerJoin('loopTemplate', 'loopTemplate.id', 'opening.templateId')
			.select([
				'opening.status',
				'opening.templateId',
				'loopTemplate.name as templateName',
				'loopTemplate.visibilityMode',
				'loopTemplate.evidenceRule'
			])
			.where('opening.id', '=', input.openingId)
			.executeTakeFirstOrThrow();
		if (opening.status === 'closed') throw new InputError({ openingId: 'This opening is closed' });

		const candidate = await trx
			.selectFrom('candidate')
			.select('id')
			.where('id', '=', input.candidateId)
			.executeTakeFirst();
		if (!candidate) throw new InputError({ candidateId: 'Choose a candidate from the list' });
		const inOpening = await trx
			.selectFrom('candidateOpening')
			.select('candidateId')
			.where('candidateId', '=', input.candidateId)
			.where('openingId', '=', input.openingId)
			.executeTakeFirst();
		if (!inOpening) {
			if (!canManageHiring(actor))
				throw new InputError({ candidateId: 'This candidate is not in this opening' });
			await trx
				.insertInto('candidateOpening')
				.values({ candidateId: input.candidateId, openingId: input.openingId, addedAt: now })
				.execute();
		}
		const active = await trx
			.selectFrom('loop')
			.select('id')
			.where('candidateId', '=', input.candidateId)
			.where('openingId', '=', input.openingId)
			.where('cancelledAt', 'is', null)
			.executeTakeFirst();
		if (active) throw new InputError({ candidateId: 'This candidate already has a loop for this opening' });

		const templateRounds = await trx
			.selectFrom('templateRound')
			.selectAll()
			.where('templateId', '=', opening.templateId)
			.orderBy('position')
			.execute();
		if (!templateRounds.length) throw new InputError({ form: 'The opening’s template has no rounds yet' });

		for (const [index, entry] of input.panel.entries()) {
			if (entry.round >= templateRounds.length) {
				throw new InputError({ [`panel.${index}.round`]: `There is no round ${entry.round + 1}` });
			}
			await assertActiveInterviewers(trx, entry.interviewerIds, `panel.${index}.interviewerIds`);
		}

		const { id: loopId } = await trx
			.insertInto('loop')
			.values({
				candidateId: input.candidateId,
				openingId: input.openingId,
				templateId: opening.templateId,
				templateName: opening.templateName,
				visibilityMode: opening.visibilityMode,
				evidenceRule: opening.evidenceRule,
				cancelledAt: null,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();

		const rounds: CreatedLoop['rounds'] = [];
		for (const round of templateRounds) {
			const { id } = await trx
				.insertInto('loopRound')
				.values({
					loopId,
					position: round.position,
					title: round.title,
					kind: round.kind,
					format: round.format,
					durationMinutes: round.durationMinutes
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await sql`
				insert into loop_round_competency (round_id, competency_id, revision_id, position)
				select ${id}, trc.competency_id, c.current_revision_id, trc.position
				from template_round_competency trc join competency c on c.id = trc.competency_id
				where trc.round_id = ${round.id}
			`.execute(trx);
			await sql`
				insert into loop_round_question (round_id, question_id, revision_id, position)
				select ${id}, q.id, q.current_revision_id, trq.position
				from template_round_question trq join question q on q.id = trq.question_id
				where trq.round_id = ${round.id}
			`.execute(trx);
			rounds.push({ id, position: rounds.length, title: round.title });
		}

		const scorecards: CreatedLoop['scorecards'] = [];
		for (const entry of input.panel) {
			const round = rounds[entry.round]!;
			for (const interviewerId of new Set(entry.interviewerIds)) {
				if (scorecards.some((s) => s.roundId === round.id && s.interviewerId === interviewerId)) continue;
				const { id } = await trx
					.insertInto('scorecard')
					.values({
						loopId,
						roundId: round.id,
						interviewerId,
						scheduledAt: entry.scheduledAt,
						openingId: input.openingId,
						roundKind: templateRounds[entry.round]!.kind,
						seatRole: entry.role ?? 'interviewer',
						createdAt: now,
						updatedAt: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				scorecards.push({ id, roundId: round.id, round: entry.round, interviewerId });
				await recordEvent(
					trx,
					'panel.assigned',
					{ loopId, scorecardId: id, interviewerId, roundId: round.id, scheduledAt: entry.scheduledAt },
					{ now, actorUserId: actor.id }
				);
			}
		}
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'loop.created',
				entityType: 'loop',
				entityId: loopId,
				after: { candidateId: input.candidateId, openingId: input.openingId, panel: input.panel }
			},
			now
		);
		return { loopId, rounds, scorecards };
	});
}
