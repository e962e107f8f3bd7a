import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { InputError, NotFoundError } from '../platform/errors';
import { assertTemplateExists, recordRoundsChange, renumberRounds, roundIdsInOrder } from './template-rounds';

// A template's rounds put in a new order: all at once (dragging) or a step at a time (the keyboard).

/** Puts the rounds in the order given; the list must name every round of the template once. */
export async function reorderRounds(
	db: DB,
	actor: AuthUser,
	templateId: number,
	roundIds: number[],
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		await assertTemplateExists(trx, templateId);
		const currentIds = await roundIdsInOrder(trx, templateId);
		const sameSet =
			roundIds.length === currentIds.length && [...roundIds].sort().join() === [...currentIds].sort().join();
		if (!sameSet)
			throw new InputError({ form: 'The rounds changed meanwhile. Reload the page and try again' });
		await renumberRounds(trx, templateId, roundIds);
		await recordRoundsChange(
			trx,
			actor.id,
			templateId,
			{ action: 'template.rounds_reordered', before: currentIds, after: roundIds },
			now
		);
	});
}

/** Moves one round a step up or down (the keyboard path; pointer users drag). */
export async function moveRound(
	db: DB,
	actor: AuthUser,
	templateId: number,
	roundId: number,
	direction: 'up' | 'down',
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	const ids = await roundIdsInOrder(db, templateId);
	const from = ids.indexOf(roundId);
	if (from === -1) throw new NotFoundError('No such round in this template');
	const to = direction === 'up' ? from - 1 : from + 1;
	if (to < 0 || to >= ids.length) return;
	[ids[from], ids[to]] = [ids[to]!, ids[from]!];
	await reorderRounds(db, actor, templateId, ids, now);
}
