import { auditPageSize, type AuditFilter } from '../domain/audit-trail';
import { assertRole } from './access';
import type { AuthUser } from './auth/session';
import type { DB } from './db';

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
}

/** The audit trail for admins, newest first, one page of it; two queries whatever its length. */
export async function listAuditTrail(
	db: DB,
	actor: AuthUser,
	filter: AuditFilter
): Promise<{ events: AuditTrailEvent[]; total: number; pages: number }> {
	assertRole(actor, 'admin');
	let events = db.selectFrom('auditEvent').leftJoin('user', 'user.id', 'auditEvent.actorUserId');
	if (filter.entity) events = events.where('auditEvent.entityType', '=', filter.entity);
	const [rows, count] = await Promise.all([
		events
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
		events.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { events: rows, total: count.n, pages: Math.max(1, Math.ceil(count.n / auditPageSize)) };
}
