import { dev } from '$app/env';
import type { Cookies } from '@sveltejs/kit';

// Over HTTPS the cookie takes the __Host- prefix, which browsers only accept when it is
// Secure, host-only and for path /: nobody on a sibling domain can plant or read it.
export function sessionCookieName(url: Pick<URL, 'protocol'>): string {
	return url.protocol === 'https:' ? '__Host-panelist-session' : 'panelist-session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: !dev,
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev });
}
