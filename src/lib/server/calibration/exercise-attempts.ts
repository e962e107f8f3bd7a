import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { measureDistance, passesThreshold, type AttemptRatingInput } from '../../domain/exercises';
import { recordAudit } from '../platform/audit';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { getExerciseKit, type AttemptResult } from './exercise-kit';

// Taking a calibration exercise (decision 031): rated blind, once; the attempt is measured
// against the reference as it stands when it is submitted.

/** Records the actor's one attempt, measured against the reference as it stands now. */
export async function submitAttempt(
	db: DB,
	actor: AuthUser,
	exerciseId: number,
	ratings: AttemptRatingInput[],
	now = Date.now()
): Promise<AttemptResult> {
	return db.transaction().execute(async (trx) => {
		const kit = await getExerciseKit(trx, actor, exerciseId);
		if (kit.result) throw new ConflictError('You have already taken this exercise');
		if (kit.archived) throw new NotFoundError('No such exercise');
		const references = await trx
			.selectFrom('calibrationExerciseCompetency')
			.selectAll()
			.where('exerciseId', '=', exerciseId)
			.orderBy('position')
			.execute();
		const byId = new Map(ratings.map((r) => [r.competencyId, r]));
		const missing = references.find((r) => !byId.has(r.competencyId));
		if (missing)
			throw new InputError({ [`rating.${missing.competencyId}`]: 'Choose a rating for every competency' });
		const { total, count } = measureDistance(
			references.map((r) => ({ rating: byId.get(r.competencyId)!.rating, reference: r.referenceRating }))
		);
		const passed = passesThreshold(total, count, kit.passDistance);
		const { id } = await trx
			.insertInto('calibrationExerciseAttempt')
			.values({
				exerciseId,
				userId: actor.id,
				submittedAt: now,
				totalDifference: total,
				competencyCount: count,
				passed: passed ? 1 : 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('calibrationExerciseRating')
			.values(
				references.map((r) => ({
					attemptId: id,
					competencyId: r.competencyId,
					revisionId: r.revisionId,
					position: r.position,
					rating: byId.get(r.competencyId)!.rating,
					evidence: byId.get(r.competencyId)!.evidence,
					referenceRating: r.referenceRating,
					referenceReason: r.reason
				}))
			)
			.execute();
		// Who took it and when; the ratings and distance stay in the exercise's own tables.
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'exercise.submitted', entityType: 'exercise', entityId: exerciseId },
			now
		);
		return (await getExerciseKit(trx, actor, exerciseId)).result!;
	});
}
