import { redirect } from '@sveltejs/kit';
import { loginSchema } from '#lib/domain/account-schemas.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { mailSettings } from '#lib/server/mail/mail-settings.ts';
import { safeRedirectTarget } from '#lib/server/auth/guards.ts';
import { attemptLogin, createLoginLimiters, type LoginLimiters } from '#lib/server/auth/login.ts';
import { failForm, formError } from '#lib/server/web/form-actions.ts';
import { continueSignIn } from '#lib/server/web/sign-in-steps.ts';
import { ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import type { Actions, PageServerLoad } from './$types';

let limiters: LoginLimiters | undefined;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	// A reset link needs mail; without it, people ask an admin.
	return {
		canResetByMail: mailSettings() !== null,
		passwordReset: url.searchParams.has('reset'),
		sso: ssoSettings()?.displayName ?? null
	};
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
		return continueSignIn(db, { cookies, url }, result.user);
	}
};
