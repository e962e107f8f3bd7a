import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { jobFilterSchema, retryJobSchema } from '#lib/domain/job-list.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { listJobs, retryJob } from '#lib/server/jobs/job-admin.ts';
import { mailSettings } from '#lib/server/mail/mail-settings.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const params = event.url.searchParams;
	const filter = jobFilterSchema.safeParse({
		state: params.get('state') || undefined,
		page: params.get('page') || undefined
	});
	if (!filter.success) {
		const problems = Object.values(z.flattenError(filter.error).fieldErrors).flat();
		error(400, problems.join('; '));
	}
	return {
		...(await listJobs(getDb(), admin, filter.data)),
		filter: filter.data,
		mailOn: mailSettings() !== null
	};
};

export const actions: Actions = {
	retry: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, retryJobSchema, 'retry', async ({ jobId }) => {
			await retryJob(getDb(), admin, jobId);
			return { retried: jobId };
		});
	}
};
