import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { WeeklyLimitInput } from '../../domain/panel-load';
import { assertCanManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { assertActiveInterviewer } from './active-interviewer';

// Each person's weekly interview limit (decision 030, panels): set by admins and recruiters on
// /interviewers, audited on the person; going over it warns when a panel is built, no more.

/** Every limit set, by person: for hiring staff. */
export async function listWeeklyLimits(db: DB, actor: AuthUser): Promise<Map<number, number>> {
	assertCanManageHiring(actor);
	return readWeeklyLimits(db);
}

/** Every limit set, without a permission check: for the panel picker's warnings. */
export async function readWeeklyLimits(db: DB): Promise<Map<number, number>> {
	const rows = await db.selectFrom('interviewerLoadLimit').select(['userId', 'weeklyLimit']).execute();
	return new Map(rows.map((r) => [r.userId, r.weeklyLimit]));
}

/** Sets (or, with `limit` null, takes away) one person's weekly limit. */
export async function setWeeklyLimit(
	db: DB,
	actor: AuthUser,
	input: WeeklyLimitInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		await assertActiveInterviewer(trx, input.userId);
		const current = await trx
			.selectFrom('interviewerLoadLimit')
			.select('weeklyLimit')
			.where('userId', '=', input.userId)
			.executeTakeFirst();
		const before = current?.weeklyLimit ?? null;
		if (before === input.limit) return;
		if (input.limit === null) {
			await trx.deleteFrom('interviewerLoadLimit').where('userId', '=', input.userId).execute();
		} else {
			const values = { weeklyLimit: input.limit, updatedBy: actor.id, updatedAt: now };
			await trx
				.insertInto('interviewerLoadLimit')
				.values({ userId: input.userId, ...values })
				.onConflict((oc) => oc.column('userId').doUpdateSet(values))
				.execute();
		}
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'interviewer.weekly_limit_changed',
				entityType: 'user',
				entityId: input.userId,
				before: { weeklyLimit: before },
				after: { weeklyLimit: input.limit }
			},
			now
		);
	});
}
