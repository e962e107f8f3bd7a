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

export async function listAuditEvents(db: DB, entityType: string, entityId: string | number) {
	return db
		.selectFrom('auditEvent')
		.selectAll()
		.where('entityType', '=', entityType)
		.where('entityId', '=', String(entityId))
		.orderBy('at')
		.orderBy('id')
		.execute();
}
