import { redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { deleteSessionCookie } from '../auth/cookie';
import { loginUrl } from '../auth/guards';
import { isValidTimeZone } from '../../domain/time';
import { admitRequest, headOfRequest, securityHeadersFor } from './request-gate';

// SvelteKit's door into the request gate (request-gate.ts), as server hooks; the autosave's
// fast path (fast-autosave.ts) is the other door and calls the same functions.

/** The headers every answer carries, from the gate; a route's own Cache-Control stays. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	for (const [name, value] of Object.entries(securityHeadersFor(event.url, event.locals.user != null))) {
		if (name !== 'cache-control' || !headers.has(name)) headers.set(name, value);
	}
	return response;
};

/** The API's document is open, so people can read how to use the API before they have a token. */
const openPaths = new Set(['/api/v1/openapi.json']);

/**
 * The gate (request-gate.ts) in SvelteKit's terms. Redirects are thrown, not returned:
 * SvelteKit then answers in the form each request needs (a page, a client-side data
 * request, an enhanced form action), with the stale cookie's deletion.
 */
export const admitRequests: Handle = async ({ event, resolve }) => {
	// (feeds): calendar apps fetch them without a session; the secret in the address is the key.
	// (scim): identity providers send their SCIM token, which the SCIM door checks itself.
	const group = event.route.id ?? '';
	const open =
		group.startsWith('/(auth)/') ||
		group.startsWith('/(feeds)/') ||
		group.startsWith('/(scim)/') ||
		openPaths.has(event.url.pathname);
	const admission = await admitRequest(headOfRequest(event.request, event.url), open);
	const visitor = admission.kind === 'to-setup' ? null : admission.visitor;
	event.locals.user = visitor?.user ?? null;
	event.locals.session = visitor?.session ?? null;
	event.locals.apiTokenId = visitor?.apiTokenId ?? null;
	if (visitor?.staleCookie) deleteSessionCookie(event.cookies, event.url);
	if (admission.kind === 'refused') return admission.answer;
	if (admission.kind === 'to-setup') redirect(303, '/setup');
	if (admission.kind === 'to-sign-in') redirect(303, loginUrl(event.url));
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
