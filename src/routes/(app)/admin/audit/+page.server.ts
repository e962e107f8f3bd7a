import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { auditFilterSchema } from '#lib/domain/audit-trail.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { listAuditTrail } from '#lib/server/platform/audit.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const params = event.url.searchParams;
	const filter = auditFilterSchema.safeParse({
		entity: params.get('entity') || undefined,
		page: params.get('page') || undefined
	});
	if (!filter.success) {
		const problems = Object.values(z.flattenError(filter.error).fieldErrors).flat();
		error(400, problems.join('; '));
	}
	const trail = await listAuditTrail(getDb(), admin, filter.data);
	return { ...trail, filter: filter.data };
};
