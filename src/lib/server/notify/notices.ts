import type { AuthUser } from '../auth/session';
import type { DB } from '../platform/db';
import type { NoticeKind } from '../platform/schema-jobs';
import { NotFoundError } from '../platform/errors';
import { queueDigest, waitsForDigest } from './notice-digest';

// In-app notices (decision 027): the same notices as the mails (reminders, escalations, ready
// for debrief, invitations), stored per person for the top bar's bell and /notifications.
// Each carries a one-line title and a link to the exact page, never anyone's feedback.

export interface NewNotice {
	userId: number;
	kind: NoticeKind;
	title: string;
	href: string;
	key: string;
}

/**
 * Stores a notice in the change's transaction; a second one under the same key is ignored.
 * For someone who chose the daily digest a non-urgent one also waits for it (notice-digest.ts).
 */
export async function addNotice(trx: DB, notice: NewNotice, now: number): Promise<void> {
	const digest = await waitsForDigest(trx, notice.userId, notice.kind);
	const result = await trx
		.insertInto('notice')
		.values({ ...notice, createdAt: now, digestPending: digest ? 1 : 0 })
		.onConflict((oc) => oc.column('key').doNothing())
		.executeTakeFirst();
	if (digest && Number(result.numInsertedOrUpdatedRows ?? 0) > 0) await queueDigest(trx, notice.userId, now);
}

export async function countUnreadNotices(db: DB, actor: AuthUser): Promise<number> {
	const row = await db
		.selectFrom('notice')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('userId', '=', actor.id)
		.where('readAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** One's own notices, newest first (the last hundred). */
export async function listNotices(db: DB, actor: AuthUser) {
	return db
		.selectFrom('notice')
		.select(['id', 'kind', 'title', 'href', 'createdAt', 'readAt'])
		.where('userId', '=', actor.id)
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.limit(100)
		.execute();
}

/** Marks one of one's own notices read; someone else's is not found. */
export async function markNoticeRead(db: DB, actor: AuthUser, id: number, now = Date.now()): Promise<void> {
	const result = await db
		.updateTable('notice')
		.set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(now)) }))
		.where('id', '=', id)
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('No such notice');
}

export async function markAllNoticesRead(db: DB, actor: AuthUser, now = Date.now()): Promise<void> {
	await db
		.updateTable('notice')
		.set({ readAt: now })
		.where('userId', '=', actor.id)
		.where('readAt', 'is', null)
		.execute();
}
