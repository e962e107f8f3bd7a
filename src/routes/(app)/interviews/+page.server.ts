import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { listMyInterviews } from '#lib/server/hiring/interviews.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { interviews: await listMyInterviews(getDb(), actor), now: Date.now() };
};
