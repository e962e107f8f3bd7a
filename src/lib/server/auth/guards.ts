import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/domain/roles';
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

/** Only same-site paths, so a crafted link cannot send a fresh sign-in elsewhere. */
export function safeRedirectTarget(raw: string | null): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	return raw;
}
