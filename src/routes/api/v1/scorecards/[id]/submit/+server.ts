import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { apiResponse, pathId, requireApiUser } from '$lib/server/api/http';
import { submitScorecard } from '$lib/server/scorecards';
import type { RequestHandler } from './$types';

/** Submits the saved working copy: 200, or 422 listing what is missing. */
export const POST: RequestHandler = (event) =>
	apiResponse(async () => {
		const actor = requireApiUser(event);
		const { version } = await submitScorecard(getDb(), actor, pathId(event.params.id));
		return json({ version, status: 'submitted' });
	});
