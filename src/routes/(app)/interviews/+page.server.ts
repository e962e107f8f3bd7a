import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { listMyInterviews } from '$lib/server/interviews';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { interviews: await listMyInterviews(getDb(), actor), now: Date.now() };
};
