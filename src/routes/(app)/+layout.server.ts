import { navigationFor } from '#lib/domain/navigation.ts';
import { managedOpeningIds } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	const hiringManager = (await managedOpeningIds(getDb(), user)).length > 0;
	return {
		user,
		navigation: navigationFor({ role: user.role, hiringManager }),
		timeZone: event.locals.timeZone
	};
};
