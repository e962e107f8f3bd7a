import { navigationFor } from '$lib/domain/navigation';
import { requireUser } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	return { user, navigation: navigationFor(user.role) };
};
