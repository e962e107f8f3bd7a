import { redirect, type Cookies } from '@sveltejs/kit';
import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { createSession } from '../auth/session';
import {
	pendingSignInCookie,
	rememberedDeviceCookie,
	sessionCookieName,
	setSessionCookie
} from '../auth/cookie';
import { safeRedirectTarget } from '../auth/guards';
import { getUser } from '../accounts/users';
import { sessionPolicy } from '../platform/runtime';
import {
	nextSignInStep,
	pendingSignInMs,
	readPendingSignIn,
	rememberedDeviceMs,
	signPendingSignIn,
	signRememberedDevice,
	type PendingSignIn
} from '../auth/two-factor-policy';

// The pages between a right password and a session: the sign-in form, an accepted invite
// and the two-factor pages all hand over here, so none of them can skip the second factor.

interface SignInEvent {
	cookies: Cookies;
	url: URL;
}

/** Where to go after signing in, carried through the two-factor pages. */
function withRedirect(path: string, url: URL): string {
	const to = url.searchParams.get('redirectTo');
	return to ? `${path}?redirectTo=${encodeURIComponent(to)}` : path;
}

/** Opens a session at once, or sends the browser to its second factor first. Redirects either way. */
export async function continueSignIn(
	db: DB,
	event: SignInEvent,
	user: AuthUser,
	now = Date.now()
): Promise<never> {
	const step = await nextSignInStep(db, user, rememberedDeviceCookie.get(event.cookies, event.url), now);
	if (step === 'session') {
		await startSession(db, event, user.id, now);
		redirect(303, afterSignIn(event.url));
	}
	const pending = await signPendingSignIn(db, { userId: user.id, step }, now);
	pendingSignInCookie.set(event.cookies, event.url, pending, now + pendingSignInMs);
	redirect(303, withRedirect(step === 'verify' ? '/login/two-factor' : '/login/two-factor/enrol', event.url));
}

export async function startSession(
	db: DB,
	event: SignInEvent,
	userId: number,
	now = Date.now()
): Promise<void> {
	pendingSignInCookie.delete(event.cookies, event.url);
	const { token, session } = await createSession(db, userId, now, sessionPolicy());
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
}

export async function rememberDevice(
	db: DB,
	event: SignInEvent,
	userId: number,
	now = Date.now()
): Promise<void> {
	const value = await signRememberedDevice(db, userId, now);
	if (value) rememberedDeviceCookie.set(event.cookies, event.url, value, now + rememberedDeviceMs);
}

/**
 * The sign-in this browser has half done, at the given step, with its (still active) user;
 * otherwise back to the sign-in page.
 */
export async function requirePendingSignIn(
	db: DB,
	event: SignInEvent,
	step: PendingSignIn['step']
): Promise<AuthUser> {
	const pending = await readPendingSignIn(db, pendingSignInCookie.get(event.cookies, event.url));
	const user = pending?.step === step ? await getUser(db, pending.userId) : undefined;
	if (!user || user.deactivatedAt !== null) redirect(303, withRedirect('/login', event.url));
	return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function afterSignIn(url: URL): string {
	return safeRedirectTarget(url.searchParams.get('redirectTo'));
}

/**
 * Whether this browser is signed in, or has just been in this request (an action's new
 * session, which the load after it must not send back to the sign-in page).
 */
export function isSignedIn(event: SignInEvent & { locals: App.Locals }): boolean {
	return event.locals.user !== null || Boolean(event.cookies.get(sessionCookieName(event.url)));
}
