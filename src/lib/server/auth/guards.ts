import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '#lib/domain/roles.ts';
import type { AuthUser, ValidSession } from './session';

/** Call in every protected load and action: a layout check does not protect actions. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): AuthUser {
	const { user } = event.locals;
	if (!user) redirect(303, loginUrl(event.url));
	return user;
}

export function requireSession(event: Pick<RequestEvent, 'locals' | 'url'>): {
	user: AuthUser;
	session: ValidSession;
} {
	const user = requireUser(event);
	return { user, session: event.locals.session! };
}

export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): AuthUser {
	const user = requireUser(event);
	if (!roles.includes(user.role))
		error(403, 'Your role does not include this page. If you need it, ask an admin.');
	return user;
}

export function loginUrl(url: URL): string {
	const back = url.pathname + url.search;
	return back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`;
}

// Bases of our own that no real request has. Both schemes, because `http:evil.example` is a
// path on an http site but another host on an https one.
const redirectBases = [new URL('http://redirect-target.invalid'), new URL('https://redirect-target.invalid')];

/**
 * Where to go after signing in: a path on this site, or home. The raw value is read as a
 * browser reads a Location header (tab, CR and LF dropped, backslash taken as slash), so
 * `/\t/evil.example` is seen for the other site it leads to; the answer is that URL's own
 * serialisation, which a header can always carry.
 */
export function safeRedirectTarget(raw: string | null): string {
	if (!raw) return '/';
	let target = '/';
	for (const base of redirectBases) {
		const url = URL.parse(raw, base);
		// A path that starts with `//` would itself be read as another host (`/.//evil.example`).
		if (!url || url.origin !== base.origin || url.pathname.startsWith('//')) return '/';
		target = url.pathname + url.search + url.hash;
	}
	return target;
}
