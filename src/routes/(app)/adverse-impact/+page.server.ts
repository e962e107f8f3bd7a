import { monitoringSettingsSchema } from '#lib/domain/adverse-impact-settings.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { readMonitoringSettings, saveMonitoringSettings } from '#lib/server/fairness/monitoring-settings.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	return { settings: await readMonitoringSettings(getDb()), isAdmin: actor.role === 'admin' };
};

export const actions: Actions = {
	settings: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, monitoringSettingsSchema, 'settings', async (input) => {
			await saveMonitoringSettings(getDb(), admin, input);
			return { saved: true };
		});
	}
};
