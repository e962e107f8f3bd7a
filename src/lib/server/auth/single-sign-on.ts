import { timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { DB } from '../platform/db';
import { readSignedValue, signValue } from './signed-value';
import { resolveSsoAccount, type SsoAccountResult, type SsoRefusal } from '../accounts/sso-accounts';
import { isLoopbackIssuer, type SsoSettings } from '../../domain/single-sign-on';

// OpenID Connect sign-in through openid-client (decision 029): authorization code with PKCE,
// state and nonce, the ID token checked by the library (issuer, audience, expiry, signature
// against the provider's published keys). What the browser must bring back (state, nonce,
// PKCE verifier, where to go after) travels in a signed cookie that lives ten minutes.

export const ssoAttemptMs = 10 * 60_000;
const purpose = 'sso-sign-in';

let current: SsoSettings | null = null;
// By issuer: a provider configured anew (or another one in tests) is never answered from another's.
const servers = new Map<string, Promise<oidc.ServerMetadata>>();

/** Sets the provider for this process: at start from the environment; tests set their own. */
export function configureSso(settings: SsoSettings | null): void {
	current = settings;
	servers.clear();
}

/** The provider, or null while sign-in is by password only. */
export function ssoSettings(): SsoSettings | null {
	return current;
}

function configurationFor(settings: SsoSettings, metadata: oidc.ServerMetadata, clockSkew = 0) {
	const config = new oidc.Configuration(
		metadata,
		settings.clientId,
		{ client_secret: settings.clientSecret, [oidc.clockSkew]: clockSkew },
		oidc.ClientSecretBasic(settings.clientSecret)
	);
	// Plain HTTP only for a provider on this machine (the tests' own); settings refuse it elsewhere.
	if (isLoopbackIssuer(settings.issuer)) oidc.allowInsecureRequests(config);
	// By default the library trusts an ID token from the token endpoint on the strength of TLS
	// alone (OIDC Core 3.1.3.7 allows it); we also check its signature against the published
	// keys, so a provider signing with a key it does not publish is refused.
	oidc.enableNonRepudiationChecks(config);
	return config;
}

/** The provider's discovery document, fetched once; a failure is tried again next time. */
function discover(settings: SsoSettings): Promise<oidc.ServerMetadata> {
	let pending = servers.get(settings.issuer);
	if (pending) return pending;
	pending = oidc
		.discovery(
			new URL(settings.issuer),
			settings.clientId,
			settings.clientSecret,
			undefined,
			isLoopbackIssuer(settings.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined
		)
		.then((config) => config.serverMetadata());
	servers.set(settings.issuer, pending);
	pending.catch(() => servers.delete(settings.issuer));
	return pending;
}

export type SsoStart =
	{ ok: true; authorizationUrl: string; cookie: string } | { ok: false; reason: 'unreachable' };

/** Where to send the browser to sign in at the provider, and the cookie that must come back with it. */
export async function beginSsoSignIn(
	db: DB,
	settings: SsoSettings,
	input: { callbackUrl: string; redirectTo: string },
	now = Date.now()
): Promise<SsoStart> {
	let config: oidc.Configuration;
	try {
		config = configurationFor(settings, await discover(settings));
	} catch (error) {
		console.warn(
			`OpenID provider ${settings.issuer} unreachable:`,
			error instanceof Error ? error.message : error
		);
		return { ok: false, reason: 'unreachable' };
	}
	const state = oidc.randomState();
	const nonce = oidc.randomNonce();
	const verifier = oidc.randomPKCECodeVerifier();
	const url = oidc.buildAuthorizationUrl(config, {
		redirect_uri: input.callbackUrl,
		scope: 'openid email profile',
		response_type: 'code',
		state,
		nonce,
		code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256'
	});
	const redirectTo = Buffer.from(input.redirectTo.slice(0, 200)).toString('base64url');
	const cookie = await signValue(db, purpose, [state, nonce, verifier, now + ssoAttemptMs, redirectTo]);
	return { ok: true, authorizationUrl: url.href, cookie };
}

export type SsoCallbackRefusal = SsoRefusal | 'expired' | 'cancelled' | 'unverified-token' | 'unreachable';

export type SsoCallbackResult =
	| (Extract<SsoAccountResult, { ok: true }> & { redirectTo: string })
	| { ok: false; reason: SsoCallbackRefusal };

const sameText = (a: string, b: string) =>
	a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The provider's answer at the callback URL, checked against this browser's cookie and
 * exchanged for tokens; then the account it stands for.
 */
export async function completeSsoSignIn(
	db: DB,
	settings: SsoSettings,
	input: { callbackUrl: URL; cookie: string | undefined },
	now = Date.now()
): Promise<SsoCallbackResult> {
	const fields = await readSignedValue(db, purpose, input.cookie);
	const [state, nonce, verifier, expiresAt, redirectTo] = fields ?? [];
	const givenState = input.callbackUrl.searchParams.get('state') ?? '';
	if (!state || !nonce || !verifier || !(Number(expiresAt) > now) || !sameText(state, givenState))
		return { ok: false, reason: 'expired' };
	if (input.callbackUrl.searchParams.has('error')) return { ok: false, reason: 'cancelled' };

	let config: oidc.Configuration;
	try {
		// A `now` other than this moment (tests of expiry) moves the library's clock with it.
		const skew = Math.round((now - Date.now()) / 1000);
		config = configurationFor(settings, await discover(settings), skew);
	} catch {
		return { ok: false, reason: 'unreachable' };
	}
	let claims: oidc.IDToken | undefined;
	try {
		const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
			pkceCodeVerifier: verifier,
			expectedState: state,
			expectedNonce: nonce,
			idTokenExpected: true
		});
		claims = tokens.claims();
	} catch (error) {
		console.warn(`OpenID sign-in refused:`, error instanceof Error ? error.message : error);
		return { ok: false, reason: 'unverified-token' };
	}
	if (!claims) return { ok: false, reason: 'unverified-token' };
	const account = await resolveSsoAccount(db, settings, claims, now);
	if (!account.ok) return account;
	return { ...account, redirectTo: Buffer.from(redirectTo ?? '', 'base64url').toString() || '/' };
}

/**
 * Where to end the session at the provider too (its end-session endpoint), coming back to
 * `returnTo`; null when it has none or cannot be reached.
 */
export async function buildSsoSignOutUrl(settings: SsoSettings, returnTo: string): Promise<string | null> {
	try {
		const config = configurationFor(settings, await discover(settings));
		if (!config.serverMetadata().end_session_endpoint) return null;
		return oidc.buildEndSessionUrl(config, {
			client_id: settings.clientId,
			post_logout_redirect_uri: returnTo
		}).href;
	} catch {
		return null;
	}
}
