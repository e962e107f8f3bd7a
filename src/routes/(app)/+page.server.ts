import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { listMyInterviews } from '#lib/server/hiring/interviews.ts';
import { listManagerQueues } from '#lib/server/hiring/manager-queues.ts';
import { listSeatsToReassign } from '#lib/server/hiring/seats-to-reassign.ts';
import { listPendingInvites } from '#lib/server/accounts/invites.ts';
import { getTeamSummary } from '#lib/server/accounts/team-summary.ts';
import { listAssignedExercises } from '#lib/server/calibration/exercise-assignments.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const now = Date.now();
	const [interviews, queues, seatsToReassign, exercises] = await Promise.all([
		listMyInterviews(db, user, now, { pastLimit: 20 }),
		listManagerQueues(db, user, now),
		listSeatsToReassign(db, user),
		listAssignedExercises(db, user)
	]);
	const mine = {
		next: interviews.upcoming.slice(0, 5),
		// The most urgent thing on the page: each one a link to finish it.
		overdue: interviews.past.filter((i) => i.overdue)
	};
	if (user.role !== 'admin') return { team: null, mine, queues, seatsToReassign, exercises };
	const [summary, invites] = await Promise.all([getTeamSummary(db, user), listPendingInvites(db, user)]);
	return { team: { ...summary, pendingInvites: invites.length }, mine, queues, seatsToReassign, exercises };
};
