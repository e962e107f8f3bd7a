import { z } from 'zod';
import { newWebhookSchema, webhookEventTypes } from '../../../../domain/webhooks';
import {
	createWebhook,
	deleteWebhook,
	listWebhookDeliveries,
	listWebhooks,
	type WebhookSummary
} from '../../../outbound/webhooks';
import { endpoint } from '../endpoint';
import { idOut, idParams, iso, sid, timeOut } from './conventions';

// Webhooks (Standard Webhooks): admins register endpoints and read their delivery log.

const webhook = z
	.object({
		id: idOut,
		url: z.string(),
		events: z.array(z.enum(webhookEventTypes)),
		createdAt: timeOut
	})
	.meta({ id: 'Webhook' });

const webhookJson = (w: WebhookSummary): z.input<typeof webhook> => ({
	id: sid(w.id),
	url: w.url,
	events: w.events,
	createdAt: iso(w.createdAt)
});

export const listWebhooksEndpoint = endpoint({
	method: 'GET',
	path: '/webhooks',
	operationId: 'listWebhooks',
	summary: 'List the webhook endpoints (admins)',
	tag: 'Webhooks',
	roles: ['admin'],
	response: {
		status: 200,
		description: 'Registered endpoints, oldest first; secrets are never listed',
		schema: z.object({ webhooks: z.array(webhook) })
	},
	errors: [403],
	handle: async ({ db, actor }) => ({ body: { webhooks: (await listWebhooks(db, actor)).map(webhookJson) } })
});

export const createWebhookEndpoint = endpoint({
	method: 'POST',
	path: '/webhooks',
	operationId: 'createWebhook',
	summary: 'Register a webhook endpoint (admins)',
	description:
		'Deliveries follow the Standard Webhooks specification: headers `webhook-id` (the same on every attempt of one message: drop repeats by it), `webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, several space-separated while a rotated secret is still honoured). The body is `{type, timestamp, data}`; `data` carries ids and states only, never feedback. A 2xx answer within 10 seconds confirms delivery; anything else is retried with backoff.',
	tag: 'Webhooks',
	roles: ['admin'],
	body: newWebhookSchema,
	response: {
		status: 201,
		description: 'The endpoint, with its signing secret: shown this once, never again',
		schema: webhook.extend({
			secret: z.string().meta({ description: '`whsec_` and the base64 of the key: keep it safe' })
		})
	},
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const created = await createWebhook(db, actor, body);
		return { body: { ...webhookJson(created), secret: created.secret } };
	}
});

export const deleteWebhookEndpoint = endpoint({
	method: 'DELETE',
	path: '/webhooks/{id}',
	operationId: 'deleteWebhook',
	summary: 'Delete a webhook endpoint (admins)',
	description: 'Nothing more is sent to it, including messages still waiting to be retried.',
	tag: 'Webhooks',
	roles: ['admin'],
	params: idParams,
	response: {
		status: 200,
		description: 'The endpoint is deleted',
		schema: z.object({ id: idOut, deleted: z.literal(true) })
	},
	errors: [403, 404],
	handle: async ({ db, actor, params }) => {
		await deleteWebhook(db, actor, params.id);
		return { body: { id: sid(params.id), deleted: true as const } };
	}
});

const delivery = z
	.object({
		id: idOut,
		webhookId: z
			.string()
			.meta({ description: 'The message’s `webhook-id` header, the same on every attempt' }),
		eventType: z.enum(webhookEventTypes),
		attempt: z.int().meta({ description: '1 for the first attempt of the message' }),
		status: z.enum(['succeeded', 'failed']),
		responseCode: z.int().nullable().meta({ description: 'The receiver’s HTTP status; null when none came' }),
		durationMs: z.int(),
		error: z.string().nullable(),
		manual: z.boolean().meta({ description: 'True for a redelivery an admin asked for' }),
		attemptedAt: timeOut
	})
	.meta({ id: 'WebhookDelivery' });

export const listWebhookDeliveriesEndpoint = endpoint({
	method: 'GET',
	path: '/webhooks/{id}/deliveries',
	operationId: 'listWebhookDeliveries',
	summary: 'A webhook endpoint’s delivery log (admins)',
	tag: 'Webhooks',
	roles: ['admin'],
	params: idParams,
	response: {
		status: 200,
		description: 'The latest 100 attempts, newest first',
		schema: z.object({ deliveries: z.array(delivery) })
	},
	errors: [403, 404],
	handle: async ({ db, actor, params }) => {
		const deliveries = await listWebhookDeliveries(db, actor, params.id);
		return {
			body: {
				deliveries: deliveries.map((d) => ({
					id: sid(d.id),
					webhookId: d.messageId,
					eventType: d.eventType as (typeof webhookEventTypes)[number],
					attempt: d.attempt,
					status: d.status,
					responseCode: d.responseCode,
					durationMs: d.durationMs,
					error: d.error,
					manual: d.manual,
					attemptedAt: iso(d.attemptedAt)
				}))
			}
		};
	}
});
