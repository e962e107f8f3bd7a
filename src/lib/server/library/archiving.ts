import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { NotFoundError } from '../platform/errors';

// The library's things (competencies, questions, templates) are archived, never deleted:
// loops and scorecards keep pointing at them. Archiving and restoring work alike for all.

const archivable = {
	competency: { entityType: 'competency', missing: 'No such competency' },
	question: { entityType: 'question', missing: 'No such question' },
	loopTemplate: { entityType: 'template', missing: 'No such template' }
} as const;

/** Archives (or restores) one library item, audited; hiring staff only. */
export async function setArchived(
	db: DB,
	actor: AuthUser,
	table: keyof typeof archivable,
	id: number,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	const { entityType, missing } = archivable[table];
	await db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable(table)
			.set({ archivedAt: archived ? now : null, updatedAt: now })
			.where('id', '=', id)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(missing);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: `${entityType}.${archived ? 'archived' : 'restored'}`,
				entityType,
				entityId: id
			},
			now
		);
	});
}
