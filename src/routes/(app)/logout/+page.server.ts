import { redirect } from '@sveltejs/kit';
import { getDb } from '#lib/server/platform/runtime.ts';
import { deleteSessionCookie } from '#lib/server/auth/cookie.ts';
import { invalidateSession } from '#lib/server/auth/session.ts';
import { ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link could be followed by a crawler or prefetch); a GET goes home.
export const load: PageServerLoad = async () => {
	redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(getDb(), locals.session.id);
		deleteSessionCookie(cookies, url);
		// With a provider, the sign-in page then offers to end the session there too.
		redirect(303, ssoSettings() ? '/login?signedOut' : '/login');
	}
};
