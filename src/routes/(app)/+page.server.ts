import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { listPendingInvites } from '$lib/server/invites';
import { getTeamSummary } from '$lib/server/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (user.role !== 'admin') return { team: null };
	const db = getDb();
	const [summary, invites] = await Promise.all([getTeamSummary(db, user), listPendingInvites(db, user)]);
	return { team: { ...summary, pendingInvites: invites.length } };
};
