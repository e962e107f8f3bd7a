import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { redeliverWebhookMessage } from '#lib/server/outbound/webhook-delivery.ts';
import {
	deleteWebhook,
	getWebhook,
	listWebhookDeliveries,
	rotateWebhookSecret
} from '#lib/server/outbound/webhooks.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const db = getDb();
	const id = idParam(event.params.id);
	const webhook = await orPageError(getWebhook(db, admin, id));
	return { webhook, deliveries: await listWebhookDeliveries(db, admin, id) };
};

const nothing = z.object({});
const messageRef = z.object({
	messageId: z.string().regex(/^msg_[0-9a-f]{32}$/, 'Choose a delivery from the log')
});

export const actions: Actions = {
	/** The new secret is in this answer only. */
	rotate: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, nothing, 'rotate', async () => ({
			rotatedSecret: await rotateWebhookSecret(getDb(), admin, idParam(event.params.id))
		}));
	},

	redeliver: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, messageRef, 'redeliver', async ({ messageId }) => ({
			redelivered: await redeliverWebhookMessage(getDb(), admin, idParam(event.params.id), messageId)
		}));
	},

	delete: async (event) => {
		const admin = requireRole(event, 'admin');
		const answer = await runFormAction(event.request, nothing, 'delete', async () => {
			await deleteWebhook(getDb(), admin, idParam(event.params.id));
			return { deleted: true };
		});
		if ('deleted' in answer) redirect(303, '/admin/webhooks');
		return answer;
	}
};
