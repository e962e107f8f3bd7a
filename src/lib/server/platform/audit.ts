import { auditCarriesFeedback, auditPageSize, type AuditFilter } from '../../domain/audit-trail';
import type { HiddenReason } from '../../domain/feedback-visibility';
import { assertRole } from '../access/permissions';
import type { AuthUser } from '../auth/session';
import type { DB } from './db';
import { feedbackAccessByLoop } from '../access/feedback-access';

export interface AuditEntry {
	actorUserId: number | null;
	action: string;
	entityType: string;
	entityId: string | number;
	before?: unknown;
	after?: unknown;
}

/** Appends to the audit trail; call inside the transaction that makes the change. */
export async function recordAudit(db: DB, entry: AuditEntry, now = Date.now()): Promise<void> {
	await db
		.insertInto('auditEvent')
		.values({
			actorUserId: entry.actorUserId,
			action: entry.action,
			entityType: entry.entityType,
			entityId: String(entry.entityId),
			before: entry.before === undefined ? null : JSON.stringify(entry.before),
			after: entry.after === undefined ? null : JSON.stringify(entry.after),
			at: now
		})
		.execute();
}

/**
 * One thing's events in the order they were written. Not by `at`: that is the time the
 * caller passed, which need not grow with the writing (a backdated import, a clock set back).
 */
export async function listAuditEvents(db: DB, entityType: string, entityId: string | number) {
	return db
		.selectFrom('auditEvent')
		.selectAll()
		.where('entityType', '=', entityType)
		.where('entityId', '=', String(entityId))
		.orderBy('id')
		.execute();
}

export interface AuditTrailEvent {
	id: number;
	at: number;
	actorName: string | null;
	action: string;
	entityType: string;
	entityId: string;
	before: string | null;
	after: string | null;
	/**
	 * Set where the entry carries feedback of a loop whose feedback the independence rule
	 * still hides from the viewer (an admin on its panel); before and after are then null.
	 */
	hidden: HiddenReason | null;
}

/** The loop each feedback-carrying event belongs to, by event id: one query for the page. */
async function loopsOfFeedbackEvents(
	db: DB,
	events: { id: number; entityType: string; entityId: string; action: string }[]
): Promise<Map<number, number>> {
	const carrying = events.filter((e) => auditCarriesFeedback(e.entityType, e.action));
	const scorecardIds = carrying.filter((e) => e.entityType === 'scorecard').map((e) => Number(e.entityId));
	const scorecards = scorecardIds.length
		? await db.selectFrom('scorecard').select(['id', 'loopId']).where('id', 'in', scorecardIds).execute()
		: [];
	const loopOf = new Map<number, number>();
	for (const e of carrying) {
		const loopId =
			e.entityType === 'loop'
				? Number(e.entityId)
				: scorecards.find((s) => s.id === Number(e.entityId))?.loopId;
		if (loopId !== undefined && Number.isSafeInteger(loopId)) loopOf.set(e.id, loopId);
	}
	return loopOf;
}

/**
 * The audit trail for admins, newest first, one page of it; four queries whatever its length.
 * An admin is held to the independence rule like anyone on a panel: entries carrying a
 * loop's feedback (amended scorecards, decisions) come without their content until the
 * admin may see that loop's feedback.
 */
export async function listAuditTrail(
	db: DB,
	actor: AuthUser,
	filter: AuditFilter
): Promise<{ events: AuditTrailEvent[]; total: number; pages: number }> {
	assertRole(actor, 'admin');
	let query = db.selectFrom('auditEvent').leftJoin('user', 'user.id', 'auditEvent.actorUserId');
	if (filter.entity) query = query.where('auditEvent.entityType', '=', filter.entity);
	const [rows, count] = await Promise.all([
		query
			.select([
				'auditEvent.id',
				'auditEvent.at',
				'user.name as actorName',
				'auditEvent.action',
				'auditEvent.entityType',
				'auditEvent.entityId',
				'auditEvent.before',
				'auditEvent.after'
			])
			// Events are appended as they happen: the id is their order, and the table's own key.
			.orderBy('auditEvent.id', 'desc')
			.limit(auditPageSize)
			.offset((filter.page - 1) * auditPageSize)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const loopOf = await loopsOfFeedbackEvents(db, rows);
	const access = await feedbackAccessByLoop(db, actor, [...new Set(loopOf.values())]);
	const events = rows.map((row): AuditTrailEvent => {
		const loopId = loopOf.get(row.id);
		// A loop that no longer exists has no panel whose judgement could be swayed.
		const seen = loopId === undefined ? undefined : access.get(loopId);
		const carries = row.before !== null || row.after !== null;
		const hidden = carries && seen && !seen.visible ? seen.reason : null;
		return hidden ? { ...row, before: null, after: null, hidden } : { ...row, hidden };
	});
	return { events, total: count.n, pages: Math.max(1, Math.ceil(count.n / auditPageSize)) };
}
