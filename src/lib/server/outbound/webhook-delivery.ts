import type { WebhookEventType } from '../../domain/webhooks';
import { assertRole } from '../access/permissions';
import type { AuthUser } from '../auth/session';
import type { DB } from '../platform/db';
import { recordAudit } from '../platform/audit';
import { NotFoundError } from '../platform/errors';
import { generateWebhookMessageId, signWebhook } from './webhook-signing';

// A message is written once per endpoint, in the transaction of the change it reports, and
// sent as many times as it takes: every attempt carries the same webhook-id and body, so a
// receiver that has seen the id drops the repeat (the Standard Webhooks contract).

/** How long a receiver has to answer before the attempt counts as failed. */
export const deliveryTimeoutMs = 10_000;

/**
 * What a webhook carries: ids and states only. Never ratings, notes, recommendations or a
 * decision's outcome, rationale or dissent: a receiver reads those through the API with a
 * token, where the independence rule applies to whoever holds it.
 */
export type WebhookData = Record<string, string | number | boolean | null>;

export interface WebhookEvent {
	type: WebhookEventType;
	data: WebhookData;
	occurredAt: number;
}

/** Writes one message per active endpoint that wants the event; returns their ids. */
export async function createWebhookMessages(trx: DB, event: WebhookEvent): Promise<string[]> {
	const endpoints = await trx
		.selectFrom('webhookEndpoint')
		.select(['id', 'events'])
		.where('deletedAt', 'is', null)
		.execute();
	const wanting = endpoints.filter((e) => (JSON.parse(e.events) as string[]).includes(event.type));
	const body = JSON.stringify({
		type: event.type,
		timestamp: new Date(event.occurredAt).toISOString(),
		data: event.data
	});
	const ids: string[] = [];
	for (const endpoint of wanting) {
		const id = generateWebhookMessageId();
		await trx
			.insertInto('webhookMessage')
			.values({ id, endpointId: endpoint.id, eventType: event.type, body, createdAt: event.occurredAt })
			.execute();
		ids.push(id);
	}
	return ids;
}

export type DeliveryOutcome =
	| { sent: true; ok: boolean; responseCode: number | null; error: string | null }
	/** The endpoint was deleted: nothing is sent, and nothing is left to retry. */
	| { sent: false };

async function post(url: string, body: string, headers: Record<string, string>) {
	try {
		const response = await fetch(url, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json', 'user-agent': 'Panelist-Webhooks/1', ...headers },
			// A redirect is the receiver's misconfiguration, not an answer: it counts as failed.
			redirect: 'manual',
			signal: AbortSignal.timeout(deliveryTimeoutMs)
		});
		await response.body?.cancel();
		const ok = response.status >= 200 && response.status < 300;
		return { ok, responseCode: response.status, error: ok ? null : `Answered ${response.status}` };
	} catch (error) {
		const reason =
			error instanceof Error && error.name === 'TimeoutError' ? 'No answer in time' : 'No answer';
		const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
		return { ok: false, responseCode: null, error: reason + cause };
	}
}

/** Sends a message once and records the attempt, whatever its outcome. */
export async function deliverWebhookMessage(
	db: DB,
	messageId: string,
	{ now = Date.now(), manual = false } = {}
): Promise<DeliveryOutcome> {
	const message = await db
		.selectFrom('webhookMessage as m')
		.innerJoin('webhookEndpoint as e', 'e.id', 'm.endpointId')
		.select(['m.body', 'e.url', 'e.secret', 'e.previousSecret', 'e.previousSecretUntil', 'e.deletedAt'])
		.where('m.id', '=', messageId)
		.executeTakeFirst();
	if (!message || message.deletedAt !== null) return { sent: false };
	const secrets = [message.secret];
	if (message.previousSecret && message.previousSecretUntil !== null && message.previousSecretUntil > now) {
		secrets.push(message.previousSecret);
	}
	const started = performance.now();
	const result = await post(message.url, message.body, {
		...signWebhook(messageId, message.body, secrets, now)
	});
	const durationMs = Math.round(performance.now() - started);
	await db.transaction().execute(async (trx) => {
		const previous = await trx
			.selectFrom('webhookDelivery')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('messageId', '=', messageId)
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('webhookDelivery')
			.values({
				messageId,
				attempt: Number(previous.n) + 1,
				status: result.ok ? 'succeeded' : 'failed',
				responseCode: result.responseCode,
				durationMs,
				error: result.error,
				manual: manual ? 1 : 0,
				attemptedAt: now
			})
			.execute();
		if (result.ok) {
			await trx
				.updateTable('webhookMessage')
				.set({ deliveredAt: now })
				.where('id', '=', messageId)
				.where('deliveredAt', 'is', null)
				.execute();
		}
	});
	return { sent: true, ...result };
}

/** An admin sends a message again, at once, with its original webhook-id and body. */
export async function redeliverWebhookMessage(
	db: DB,
	actor: AuthUser,
	endpointId: number,
	messageId: string,
	now = Date.now()
): Promise<{ ok: boolean; responseCode: number | null; error: string | null }> {
	assertRole(actor, 'admin');
	const message = await db
		.selectFrom('webhookMessage as m')
		.innerJoin('webhookEndpoint as e', 'e.id', 'm.endpointId')
		.select('m.eventType')
		.where('m.id', '=', messageId)
		.where('m.endpointId', '=', endpointId)
		.where('e.deletedAt', 'is', null)
		.executeTakeFirst();
	if (!message) throw new NotFoundError('No such delivery on this webhook');
	const outcome = await deliverWebhookMessage(db, messageId, { now, manual: true });
	if (!outcome.sent) throw new NotFoundError('No such webhook (it may be deleted)');
	await recordAudit(
		db,
		{
			actorUserId: actor.id,
			action: 'webhook.redelivered',
			entityType: 'webhook',
			entityId: endpointId,
			after: { messageId, eventType: message.eventType, ok: outcome.ok }
		},
		now
	);
	return outcome;
}
