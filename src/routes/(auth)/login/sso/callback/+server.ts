import { error, redirect } from '@sveltejs/kit';
import { getDb } from '#lib/server/platform/runtime.ts';
import { safeRedirectTarget } from '#lib/server/auth/guards.ts';
import { ssoSignInCookie } from '#lib/server/auth/cookie.ts';
import { completeSsoSignIn, ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import { startSession } from '#lib/server/web/sign-in-steps.ts';
import type { RequestHandler } from './$types';

// Where the provider sends the browser back. The attempt's cookie is spent whatever the
// outcome, so an answer is taken once.
export const GET: RequestHandler = async ({ cookies, url }) => {
	const settings = ssoSettings();
	if (!settings) error(404, 'Single sign-on is not set up here.');
	const db = getDb();
	const cookie = ssoSignInCookie.get(cookies, url);
	ssoSignInCookie.delete(cookies, url);
	const result = await completeSsoSignIn(db, settings, { callbackUrl: url, cookie });
	if (!result.ok) redirect(303, `/login/sso/refused?reason=${result.reason}`);
	// The provider checked who this is (and its own second factor): no Panelist code on top.
	await startSession(db, { cookies, url }, result.user.id);
	redirect(303, safeRedirectTarget(result.redirectTo));
};
