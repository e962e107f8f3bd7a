import { z } from 'zod';
import { webhookEventTypes, type WebhookEventType } from '../../domain/webhooks';
import { enqueueJob, registerJobHandler } from '../jobs/queue';
import type { DomainEvent, Subscriber } from '../notify/events';
import type { DB } from '../platform/db';
import { createWebhookMessages, deliverWebhookMessage, type WebhookData } from './webhook-delivery';

// Domain events become webhook messages in the transaction of the change, one delivery job
// per message; the message id (the webhook-id) is the job's idempotency key, so a job run
// again after a crash sends the same id and the receiver drops the repeat.

export const webhookJobKind = 'webhook.deliver';

const isWebhookEvent = (type: string): type is WebhookEventType =>
	(webhookEventTypes as readonly string[]).includes(type);

async function loopFacts(trx: DB, loopId: number) {
	return trx
		.selectFrom('loop')
		.select(['candidateId', 'openingId'])
		.where('id', '=', loopId)
		.executeTakeFirstOrThrow();
}

/** What the receiver is told: ids (as strings, as in the API) and states, never feedback. */
async function payloadOf(trx: DB, event: DomainEvent): Promise<WebhookData | null> {
	const id = String;
	switch (event.type) {
		case 'scorecard.submitted':
		case 'scorecard.amended': {
			const { candidateId, openingId } = await loopFacts(trx, event.data.loopId);
			return {
				scorecardId: id(event.data.scorecardId),
				loopId: id(event.data.loopId),
				roundId: id(event.data.roundId),
				interviewerId: id(event.data.interviewerId),
				candidateId: id(candidateId),
				openingId: id(openingId),
				status: 'submitted',
				...(event.type === 'scorecard.amended' ? { version: event.data.version } : {})
			};
		}
		case 'loop.ready_for_debrief':
		case 'loop.decided':
		case 'loop.cancelled': {
			const { candidateId } = await loopFacts(trx, event.data.loopId);
			const status = {
				'loop.ready_for_debrief': 'ready_for_debrief',
				'loop.decided': 'decided',
				'loop.cancelled': 'cancelled'
			}[event.type];
			return {
				loopId: id(event.data.loopId),
				openingId: id(event.data.openingId),
				candidateId: id(candidateId),
				status,
				...(event.type === 'loop.decided' ? { decisionChanged: event.data.changed } : {})
			};
		}
		case 'candidate.created':
			return { candidateId: id(event.data.candidateId) };
		default:
			return null;
	}
}

export const webhookSubscriber: Subscriber = {
	types: webhookEventTypes,
	handle: async (trx, event) => {
		if (!isWebhookEvent(event.type)) return;
		const data = await payloadOf(trx, event);
		if (!data) return;
		const messageIds = await createWebhookMessages(trx, { type: event.type, data, occurredAt: event.at });
		for (const messageId of messageIds) {
			await enqueueJob(trx, { kind: webhookJobKind, payload: { messageId }, key: messageId }, event.at);
		}
	}
};

registerJobHandler(webhookJobKind, {
	payload: z.object({ messageId: z.string() }),
	run: async ({ payload }, { db, now }) => {
		const message = await db
			.selectFrom('webhookMessage')
			.select('deliveredAt')
			.where('id', '=', payload.messageId)
			.executeTakeFirst();
		// Confirmed already (a crash came between the receiver's answer and the job's end).
		if (message?.deliveredAt != null) return { detail: 'Delivered before' };
		const outcome = await deliverWebhookMessage(db, payload.messageId, { now });
		if (!outcome.sent) return { detail: 'The endpoint is deleted' };
		if (!outcome.ok) throw new Error(outcome.error ?? 'Not delivered');
		return { detail: `Answered ${outcome.responseCode}` };
	}
});
