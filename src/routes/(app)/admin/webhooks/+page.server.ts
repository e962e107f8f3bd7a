import { newWebhookSchema } from '#lib/domain/webhooks.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { createWebhook, listWebhooks } from '#lib/server/outbound/webhooks.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	return { webhooks: await listWebhooks(getDb(), admin) };
};

export const actions: Actions = {
	/** The secret is in this answer only: it is never shown again. */
	create: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, newWebhookSchema, 'create', async (input) => {
			const created = await createWebhook(getDb(), admin, input);
			return { created: { id: created.id, url: created.url, secret: created.secret } };
		});
	}
};
