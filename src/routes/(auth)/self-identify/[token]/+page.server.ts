import { selfIdentificationSchema } from '#lib/domain/adverse-impact-settings.ts';
import { readMonitoringSettings } from '#lib/server/fairness/monitoring-settings.ts';
import {
	openSelfIdentification,
	saveSelfIdentification,
	withdrawSelfIdentification
} from '#lib/server/fairness/self-identification.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { formFailure, runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

// A candidate's own page, without sign-in: the secret link is the key (decision 025).

export const load: PageServerLoad = async ({ params }) => ({
	page: await openSelfIdentification(getDb(), params.token)
});

export const actions: Actions = {
	save: async ({ request, params }) => {
		const db = getDb();
		const { categories } = await readMonitoringSettings(db);
		return runFormAction(request, selfIdentificationSchema(categories), 'save', async (answers) => {
			await saveSelfIdentification(db, params.token, answers);
			return { saved: true };
		});
	},
	withdraw: async ({ params }) => {
		try {
			await withdrawSelfIdentification(getDb(), params.token);
			return { action: 'withdraw', withdrawn: true };
		} catch (err) {
			return formFailure(err, {}, 'withdraw');
		}
	}
};
