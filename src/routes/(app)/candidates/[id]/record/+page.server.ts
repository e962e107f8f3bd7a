import { requireUser } from '#lib/server/auth/guards.ts';
import { getSubjectAccessRecord } from '#lib/server/hiring/subject-access.ts';
import { getDb, resumeSettings } from '#lib/server/platform/runtime.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const record = await orPageError(
		getSubjectAccessRecord(getDb(), actor, idParam(event.params.id), 'html', resumeSettings().store)
	);
	// The page links to the résumé rather than carrying its bytes.
	return { record: { ...record, resume: record.resume && { ...record.resume, pdfBase64: '' } } };
};
