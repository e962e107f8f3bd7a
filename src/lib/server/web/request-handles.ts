import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { authenticateApiToken } from '../auth/api-tokens';
import { apiRateLimiter, getDb, sessionPolicy } from '../platform/runtime';
import { deleteSessionCookie, readSessionCookie } from '../auth/cookie';
import { loginUrl } from '../auth/guards';
import { validateSessionToken, type AuthUser } from '../auth/session';
import { isValidTimeZone } from '../../domain/time';
import { hasAnyUser } from '../accounts/users';

/** Headers for every response (the API's fast path sends them too). */
export const securityHeaderValues: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// Invite links carry a secret in the path: never hand it to another site.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()'
};

/** Over HTTPS only. */
export const strictTransportSecurity = ['strict-transport-security', 'max-age=31536000'] as const;

/** For answers to someone signed in: what they see is theirs, so no cache may keep it. */
export const signedInHeaderValues: Readonly<Record<string, string>> = { 'cache-control': 'no-store' };

/** The Content-Security-Policy comes from kit.csp; the other security headers from here. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	for (const [name, value] of Object.entries(securityHeaderValues)) headers.set(name, value);
	if (event.url.protocol === 'https:') headers.set(...strictTransportSecurity);
	if (event.locals.user && !headers.has('cache-control')) {
		for (const [name, value] of Object.entries(signedInHeaderValues)) headers.set(name, value);
	}
	return response;
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a browser form can send without asking the server first (SvelteKit's list). */
export const formContentType = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)[ \t]*(;|$)/i;

/**
 * The one check against cross-site request forgery (SvelteKit's own is turned off in
 * vite.config.ts, because SvelteKit 3 also refuses an API script's DELETE without a body).
 * Every write from another origin is refused, whatever its content type. A form post to a
 * page that names no origin is refused too, as browsers always name it. Scripts that send
 * no Origin (curl, an ATS calling the API with a token) are not browsers acting for
 * someone, so their API calls pass.
 */
export const refuseCrossOriginWrites: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (!safeMethods.has(request.method)) {
		const origin = request.headers.get('origin');
		const site = request.headers.get('sec-fetch-site');
		const contentType = request.headers.get('content-type');
		const unnamedFormPost =
			origin === null &&
			!url.pathname.startsWith('/api/') &&
			(contentType === null || formContentType.test(contentType));
		if ((origin !== null && origin !== url.origin) || site === 'cross-site' || unnamedFormPost) {
			return Response.json({ error: 'Cross-origin requests may not change data' }, { status: 403 });
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
			return Response.json({ error: 'Panelist is not set up yet' }, { status: 503 });
		}
		redirect(303, '/setup');
	}
	return resolve(event);
};

export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.apiTokenId = null;
	const authorization = event.request.headers.get('authorization');
	if (authorization !== null && event.url.pathname.startsWith('/api/')) {
		return authenticateBearer(event, authorization, resolve);
	}
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
 * A script's request: the token alone decides who it is (a cookie sent along is ignored),
 * a bad token is refused outright, and each token has its own rate limit.
 */
async function authenticateBearer(
	event: RequestEvent,
	authorization: string,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const result = await bearerAuthentication(authorization);
	if (result instanceof Response) return result;
	event.locals.user = result.user;
	event.locals.apiTokenId = result.tokenId;
	return resolve(event);
}

/** Who an `Authorization` header speaks for, or the answer that refuses it (401, 429). */
export async function bearerAuthentication(
	authorization: string
): Promise<{ user: AuthUser; tokenId: string } | Response> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	if (!match) {
		return Response.json({ error: 'Send the token as Authorization: Bearer <token>' }, { status: 401 });
	}
	const result = await authenticateApiToken(getDb(), match[1]!);
	if (!result) {
		return Response.json(
			{ error: 'This API token is not valid: mistyped, revoked, or its user is deactivated' },
			{ status: 401, headers: { 'www-authenticate': 'Bearer' } }
		);
	}
	const wait = apiRateLimiter()?.take(result.tokenId) ?? 0;
	if (wait > 0) {
		const seconds = Math.ceil(wait / 1000);
		return Response.json(
			{ error: `Too many requests with this token; try again in ${seconds} s` },
			{ status: 429, headers: { 'retry-after': String(seconds) } }
		);
	}
	return result;
}

/**
 * Deny by default: only routes in the (auth) group are open without signing in.
 * Loads and actions still check roles themselves.
 */
/** The API's document is open, so people can read how to use the API before they have a token. */
const publicPaths = new Set(['/api/v1/openapi.json']);

export const denyAnonymous: Handle = async ({ event, resolve }) => {
	const isPublic = (event.route.id?.startsWith('/(auth)/') ?? false) || publicPaths.has(event.url.pathname);
	if (!event.locals.user && !isPublic) {
		if (event.url.pathname.startsWith('/api/')) {
			return Response.json({ error: 'Sign in or send an API token' }, { status: 401 });
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

/**
 * Behind a proxy that sends X-Forwarded-For, leaving ADDRESS_HEADER unset makes every request
 * seem to come from the proxy: everyone shares one address, so one person's failed sign-ins
 * count against all. Said once, at the first such request, for the operator to fix.
 */
export function warnAboutUnreadForwardedFor(
	env: Record<string, string | undefined> = process.env,
	warn: (message: string) => void = console.warn
): Handle {
	let warned = false;
	return async ({ event, resolve }) => {
		if (!warned && !env.ADDRESS_HEADER && event.request.headers.has('x-forwarded-for')) {
			warned = true;
			warn(
				'Requests carry X-Forwarded-For, but ADDRESS_HEADER is not set: every client seems to come ' +
					'from the proxy, so all share one address and one sign-in rate limit. If a proxy you ' +
					'trust sets the header, start Panelist with ADDRESS_HEADER=X-Forwarded-For (and XFF_DEPTH).'
			);
		}
		return resolve(event);
	};
}
