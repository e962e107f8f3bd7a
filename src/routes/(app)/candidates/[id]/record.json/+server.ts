import { requireUser } from '#lib/server/auth/guards.ts';
import { getSubjectAccessRecord } from '#lib/server/hiring/subject-access.ts';
import { getDb, resumeSettings } from '#lib/server/platform/runtime.ts';
import { subjectAccessJson } from '#lib/server/web/api/v1/subject-access.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { RequestHandler } from './$types';

// The subject access record as a file, in the API's spelling, from the candidate's page.
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	const id = idParam(event.params.id);
	const record = await orPageError(
		getSubjectAccessRecord(getDb(), actor, id, 'json', resumeSettings().store)
	);
	return Response.json(subjectAccessJson(record), {
		headers: {
			'content-disposition': `attachment; filename="candidate-${id}-record.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
