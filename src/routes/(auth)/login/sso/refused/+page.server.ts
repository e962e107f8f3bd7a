import { describeSsoRefusal } from '#lib/domain/single-sign-on.ts';
import { ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const provider = ssoSettings()?.displayName ?? 'The identity provider';
	return { message: describeSsoRefusal(url.searchParams.get('reason'), provider) };
};
