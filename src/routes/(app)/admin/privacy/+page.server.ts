import { retentionSettingSchema } from '#lib/domain/retention.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { getRetentionOverview, setRetentionMonths } from '#lib/server/hiring/retention.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	return getRetentionOverview(getDb(), admin);
};

export const actions: Actions = {
	retention: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, retentionSettingSchema, 'retention', async ({ months }) => {
			await setRetentionMonths(getDb(), admin, months);
			return { saved: true };
		});
	}
};
