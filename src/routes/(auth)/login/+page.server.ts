import { redirect } from '@sveltejs/kit';
import { loginSchema } from '#lib/domain/account-schemas.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb, sessionPolicy } from '#lib/server/platform/runtime.ts';
import { mailSettings } from '#lib/server/mail/mail-settings.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { safeRedirectTarget } from '#lib/server/auth/guards.ts';
import { attemptLogin, createLoginLimiters, type LoginLimiters } from '#lib/server/auth/login.ts';
import { createSession } from '#lib/server/auth/session.ts';
import { failForm, formError } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

let limiters: LoginLimiters | undefined;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	// A reset link needs mail; without it, people ask an admin.
	return { canResetByMail: mailSettings() !== null, passwordReset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = validateForm(loginSchema, await request.formData());
		if (!form.ok) return failForm(400, form);
		const db = getDb();
		limiters ??= createLoginLimiters(db);
		const result = await attemptLogin(db, limiters, { ...form.data, clientAddress: getClientAddress() });
		if (!result.ok) {
			return formError(result.status, result.message, form.values);
		}
		const { token, session } = await createSession(db, result.user.id, Date.now(), sessionPolicy());
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	}
};
