import { redirect } from '@sveltejs/kit';
import { loginSchema } from '#lib/domain/account-schemas.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { mailSettings } from '#lib/server/mail/mail-settings.ts';
import { safeRedirectTarget } from '#lib/server/auth/guards.ts';
import { attemptLogin, createLoginLimiters, type LoginLimiters } from '#lib/server/auth/login.ts';
import { failForm, formError } from '#lib/server/web/form-actions.ts';
import { continueSignIn } from '#lib/server/web/sign-in-steps.ts';
import { buildSsoSignOutUrl, ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import { isSsoRequired, mayUsePassword, passwordsOffMessage } from '#lib/server/auth/sso-policy.ts';
import type { Actions, PageServerLoad } from './$types';

let limiters: LoginLimiters | undefined;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	const sso = ssoSettings();
	// A reset link needs mail; without it, people ask an admin.
	return {
		canResetByMail: mailSettings() !== null,
		passwordReset: url.searchParams.has('reset'),
		sso: sso?.displayName ?? null,
		ssoRequired: await isSsoRequired(getDb(), sso),
		ssoSignOutUrl:
			sso && url.searchParams.has('signedOut') ? await buildSsoSignOutUrl(sso, `${url.origin}/login`) : null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = validateForm(loginSchema, await request.formData());
		if (!form.ok) return failForm(400, form);
		const db = getDb();
		const sso = ssoSettings();
		const refuse = () => formError(403, passwordsOffMessage(sso?.displayName ?? ''), form.values);
		if (!(await mayUsePassword(db, sso, form.data.email))) return refuse();
		limiters ??= createLoginLimiters(db);
		const result = await attemptLogin(db, limiters, { ...form.data, clientAddress: getClientAddress() });
		if (!result.ok) {
			return formError(result.status, result.message, form.values);
		}
		if (!(await mayUsePassword(db, sso, result.user.email, result.user.role))) return refuse();
		return continueSignIn(db, { cookies, url }, result.user);
	}
};
