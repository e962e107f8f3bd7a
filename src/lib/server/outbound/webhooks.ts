import { hour } from '../../domain/time';
import type { NewWebhook, WebhookEventType } from '../../domain/webhooks';
import { assertRole } from '../access/permissions';
import type { AuthUser } from '../auth/session';
import type { DB } from '../platform/db';
import { recordAudit } from '../platform/audit';
import { NotFoundError } from '../platform/errors';
import type { WebhookDeliveryStatus } from '../platform/schema-outbound';
import { generateWebhookSecret } from './webhook-signing';

// Webhook endpoints are the admins': they register them, rotate their secrets, read the
// delivery log and redeliver by hand. Delivery itself is in webhook-delivery.ts.

/** How long a rotated-out secret still signs, so receivers can switch without a gap. */
export const secretOverlap = 24 * hour;

export interface WebhookSummary {
	id: number;
	url: string;
	events: WebhookEventType[];
	createdAt: number;
	/** True while the secret before the last rotation still signs. */
	rotating: boolean;
}

const readEvents = (json: string) => JSON.parse(json) as WebhookEventType[];

/** Registers an endpoint; the secret is in this answer only (the API shows it once). */
export async function createWebhook(
	db: DB,
	actor: AuthUser,
	input: NewWebhook,
	now = Date.now()
): Promise<WebhookSummary & { secret: string }> {
	assertRole(actor, 'admin');
	const secret = generateWebhookSecret();
	const id = await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('webhookEndpoint')
			.values({
				url: input.url,
				events: JSON.stringify(input.events),
				secret,
				createdBy: actor.id,
				createdAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'webhook.created',
				entityType: 'webhook',
				entityId: row.id,
				after: { url: input.url, events: input.events }
			},
			now
		);
		return row.id;
	});
	return { id, url: input.url, events: input.events, createdAt: now, rotating: false, secret };
}

/** The endpoints that are registered, oldest first. */
export async function listWebhooks(db: DB, actor: AuthUser, now = Date.now()): Promise<WebhookSummary[]> {
	assertRole(actor, 'admin');
	const rows = await db
		.selectFrom('webhookEndpoint')
		.select(['id', 'url', 'events', 'createdAt', 'previousSecretUntil'])
		.where('deletedAt', 'is', null)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		url: r.url,
		events: readEvents(r.events),
		createdAt: r.createdAt,
		rotating: r.previousSecretUntil !== null && r.previousSecretUntil > now
	}));
}

export async function getWebhook(
	db: DB,
	actor: AuthUser,
	id: number,
	now = Date.now()
): Promise<WebhookSummary> {
	const found = (await listWebhooks(db, actor, now)).find((w) => w.id === id);
	if (!found) throw new NotFoundError('No such webhook (it may be deleted)');
	return found;
}

async function assertEndpointExists(db: DB, id: number): Promise<{ url: string; secret: string }> {
	const row = await db
		.selectFrom('webhookEndpoint')
		.select(['url', 'secret'])
		.where('id', '=', id)
		.where('deletedAt', 'is', null)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such webhook (it may be deleted)');
	return row;
}

/** Stops an endpoint for good: nothing more is sent to it, not even what is still queued. */
export async function deleteWebhook(db: DB, actor: AuthUser, id: number, now = Date.now()): Promise<void> {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const endpoint = await assertEndpointExists(trx, id);
		await trx.updateTable('webhookEndpoint').set({ deletedAt: now }).where('id', '=', id).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'webhook.deleted',
				entityType: 'webhook',
				entityId: id,
				before: { url: endpoint.url }
			},
			now
		);
	});
}

/**
 * A new secret, shown once. The old one keeps signing beside it for secretOverlap, so a
 * receiver that still checks with the old secret accepts every message meanwhile.
 */
export async function rotateWebhookSecret(
	db: DB,
	actor: AuthUser,
	id: number,
	now = Date.now()
): Promise<string> {
	assertRole(actor, 'admin');
	const secret = generateWebhookSecret();
	await db.transaction().execute(async (trx) => {
		const endpoint = await assertEndpointExists(trx, id);
		await trx
			.updateTable('webhookEndpoint')
			.set({ secret, previousSecret: endpoint.secret, previousSecretUntil: now + secretOverlap })
			.where('id', '=', id)
			.execute();
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'webhook.secret_rotated', entityType: 'webhook', entityId: id },
			now
		);
	});
	return secret;
}

export interface WebhookDeliveryEntry {
	id: number;
	messageId: string;
	eventType: string;
	attempt: number;
	status: WebhookDeliveryStatus;
	responseCode: number | null;
	durationMs: number;
	error: string | null;
	manual: boolean;
	attemptedAt: number;
}

/** The latest delivery attempts to an endpoint, newest first. */
export async function listWebhookDeliveries(
	db: DB,
	actor: AuthUser,
	id: number,
	limit = 100
): Promise<WebhookDeliveryEntry[]> {
	assertRole(actor, 'admin');
	await assertEndpointExists(db, id);
	const rows = await db
		.selectFrom('webhookDelivery as d')
		.innerJoin('webhookMessage as m', 'm.id', 'd.messageId')
		.select([
			'd.id',
			'd.messageId',
			'm.eventType',
			'd.attempt',
			'd.status',
			'd.responseCode',
			'd.durationMs',
			'd.error',
			'd.manual',
			'd.attemptedAt'
		])
		.where('m.endpointId', '=', id)
		.orderBy('d.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ ...r, manual: r.manual === 1 }));
}
