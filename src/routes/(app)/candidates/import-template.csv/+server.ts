import { importTemplateCsv } from '#lib/domain/candidate-import.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { csvResponse } from '#lib/server/platform/csv.ts';
import type { RequestHandler } from './$types';

/** The example file offered on the import page, for those who may import. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'admin', 'recruiter');
	return csvResponse('candidates-example.csv', importTemplateCsv);
};
