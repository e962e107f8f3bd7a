import { json, redirect, type Handle } from '@sveltejs/kit';
import { getDb, sessionPolicy } from './app';
import { deleteSessionCookie, readSessionCookie } from './auth/cookie';
import { loginUrl } from './auth/guards';
import { validateSessionToken } from './auth/session';
import { isValidTimeZone } from '../domain/time';
import { hasAnyUser } from './users';

/** Headers for every response; the Content-Security-Policy comes from kit.csp. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	// Invite links carry a secret in the path: never hand it to another site.
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (event.url.protocol === 'https:') {
		headers.set('Strict-Transport-Security', 'max-age=31536000');
	}
	return response;
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SvelteKit refuses cross-site form posts; this refuses every other cross-origin write
 * (JSON included), whatever its content type. Scripts that send no Origin (curl, an ATS
 * calling the API with a token) are not browsers acting for someone, so they pass.
 */
export const refuseCrossOriginWrites: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (!safeMethods.has(request.method)) {
		const origin = request.headers.get('origin');
		const site = request.headers.get('sec-fetch-site');
		if ((origin !== null && origin !== url.origin) || site === 'cross-site') {
			return json({ error: 'Cross-origin requests may not change data' }, { status: 403 });
		}
	}
	return resolve(event);
};

let setupDone = false;

// Redirects are thrown, not returned: SvelteKit then answers in the form each request
// needs (a page, a client-side data request, an enhanced form action).

/** With no users yet, every page leads to first-run setup. */
export const firstRunSetup: Handle = async ({ event, resolve }) => {
	if (!setupDone) setupDone = await hasAnyUser(getDb());
	const onSetupPage = event.url.pathname === '/setup';
	if (!setupDone && !onSetupPage) {
		if (event.url.pathname.startsWith('/api/')) {
			return json({ error: 'Panelist is not set up yet' }, { status: 503 });
		}
		redirect(303, '/setup');
	}
	return resolve(event);
};

export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = readSessionCookie(event.cookies, event.url);
	if (token) {
		const result = await validateSessionToken(getDb(), token, Date.now(), sessionPolicy());
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/**
 * Deny by default: only routes in the (auth) group are open without signing in.
 * Loads and actions still check roles themselves.
 */
export const denyAnonymous: Handle = async ({ event, resolve }) => {
	const isPublic = event.route.id?.startsWith('/(auth)/') ?? false;
	if (!event.locals.user && !isPublic) {
		if (event.url.pathname.startsWith('/api/')) {
			return json({ error: 'Sign in or send an API token' }, { status: 401 });
		}
		redirect(303, loginUrl(event.url));
	}
	return resolve(event);
};

const serverTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The viewer's time zone, as their browser reported it in the `tz` cookie. */
export const timeZone: Handle = async ({ event, resolve }) => {
	const fromBrowser = event.cookies.get('tz');
	event.locals.timeZone = fromBrowser && isValidTimeZone(fromBrowser) ? fromBrowser : serverTimeZone;
	return resolve(event);
};
