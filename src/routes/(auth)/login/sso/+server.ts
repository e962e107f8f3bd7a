import { error, redirect } from '@sveltejs/kit';
import { getDb } from '#lib/server/platform/runtime.ts';
import { safeRedirectTarget } from '#lib/server/auth/guards.ts';
import { ssoSignInCookie } from '#lib/server/auth/cookie.ts';
import { beginSsoSignIn, ssoAttemptMs, ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import type { RequestHandler } from './$types';

// The "Sign in with …" link leads here; the browser goes on to the provider. Only a cookie is
// set: a page that sends someone here starts a sign-in they must still finish themselves.
export const GET: RequestHandler = async ({ cookies, url }) => {
	const settings = ssoSettings();
	if (!settings) error(404, 'Single sign-on is not set up here.');
	const now = Date.now();
	const start = await beginSsoSignIn(
		getDb(),
		settings,
		{
			callbackUrl: `${url.origin}/login/sso/callback`,
			redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'))
		},
		now
	);
	if (!start.ok) redirect(303, `/login/sso/refused?reason=${start.reason}`);
	ssoSignInCookie.set(cookies, url, start.cookie, now + ssoAttemptMs);
	// The provider's own address, from its discovery document: never anything a request carried.
	redirect(303, start.authorizationUrl, { external: true });
};
