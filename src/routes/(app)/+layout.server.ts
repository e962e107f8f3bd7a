import { navigationFor } from '#lib/domain/navigation.ts';
import { describeViewerRole } from '#lib/domain/roles.ts';
import { listManagedOpenings } from '#lib/server/hiring/manager-queues.ts';
import { countUnreadNotices } from '#lib/server/notify/notices.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	const [managed, unreadNotices] = await Promise.all([
		listManagedOpenings(getDb(), user),
		countUnreadNotices(getDb(), user)
	]);
	return {
		user,
		roleLine: describeViewerRole(
			user.role,
			managed.map((o) => o.title)
		),
		navigation: navigationFor({ role: user.role, hiringManager: managed.length > 0 }),
		timeZone: event.locals.timeZone,
		unreadNotices
	};
};
