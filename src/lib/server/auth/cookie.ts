import { dev } from '$app/env';
import type { Cookies } from '@sveltejs/kit';

// Over HTTPS the cookie takes the __Host- prefix, which browsers only accept when it is
// Secure, host-only and for path /: nobody on a sibling domain can plant or read it.
function hostCookieName(url: Pick<URL, 'protocol'>, name: string): string {
	return url.protocol === 'https:' ? `__Host-${name}` : name;
}

export function sessionCookieName(url: Pick<URL, 'protocol'>): string {
	return hostCookieName(url, 'panelist-session');
}

const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev } as const;

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(sessionCookieName(url), token, { ...options, expires: new Date(expiresAt) });
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), options);
}

/** A sign-in whose password was right, waiting for its second factor (auth/two-factor-policy.ts). */
export const pendingSignInCookie = {
	get: (cookies: Cookies, url: URL) => cookies.get(hostCookieName(url, 'panelist-sign-in')),
	set: (cookies: Cookies, url: URL, value: string, expiresAt: number) =>
		cookies.set(hostCookieName(url, 'panelist-sign-in'), value, { ...options, expires: new Date(expiresAt) }),
	delete: (cookies: Cookies, url: URL) => cookies.delete(hostCookieName(url, 'panelist-sign-in'), options)
};

/** A device whose owner chose not to be asked for a code on it for a while. */
export const rememberedDeviceCookie = {
	get: (cookies: Cookies, url: URL) => cookies.get(hostCookieName(url, 'panelist-device')),
	set: (cookies: Cookies, url: URL, value: string, expiresAt: number) =>
		cookies.set(hostCookieName(url, 'panelist-device'), value, { ...options, expires: new Date(expiresAt) })
};

/** An OpenID sign-in on its way through the provider: state, nonce and PKCE verifier (auth/single-sign-on.ts). */
export const ssoSignInCookie = {
	get: (cookies: Cookies, url: URL) => cookies.get(hostCookieName(url, 'panelist-sso')),
	set: (cookies: Cookies, url: URL, value: string, expiresAt: number) =>
		cookies.set(hostCookieName(url, 'panelist-sso'), value, { ...options, expires: new Date(expiresAt) }),
	delete: (cookies: Cookies, url: URL) => cookies.delete(hostCookieName(url, 'panelist-sso'), options)
};
