import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSsoSignIn, completeSsoSignIn } from '../../../src/lib/server/auth/single-sign-on';
import { deactivateUser, getUser } from '../../../src/lib/server/accounts/users';
import { readSignedValue, signValue } from '../../../src/lib/server/auth/signed-value';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ssoSettingsFromEnv, type SsoSettings } from '../../../src/lib/domain/single-sign-on';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';
import { authorizeAt, startOidcProvider, type TestProvider } from '../../support/oidc-provider';

// The whole OpenID exchange against a real provider (oidc-provider) on loopback: every check
// the library makes is met or failed by what the provider really sends.

const app = 'http://panelist.test';
const callbackUrl = `${app}/login/sso/callback`;

let provider: TestProvider;
let impostor: TestProvider;

beforeAll(async () => {
	[provider, impostor] = await Promise.all([
		startOidcProvider({ redirectUris: [callbackUrl] }),
		startOidcProvider({ redirectUris: [callbackUrl], publishForeignKey: true })
	]);
	for (const p of [provider, impostor]) {
		p.accounts.set('ada', { email: 'Ada@Example.com', name: 'Ada Lovelace' });
		p.accounts.set('unverified', { email: 'mallory@example.com', emailVerified: false });
		p.accounts.set('outsider', { email: 'olive@elsewhere.org', name: 'Olive' });
		p.accounts.set('lead', { email: 'lena@example.com', name: 'Lena', groups: ['staff', 'Talent'] });
		p.accounts.set('newbie', { email: 'nia@example.com', name: 'Nia', groups: ['staff'] });
	}
});

afterAll(async () => {
	await Promise.all([provider?.close(), impostor?.close()]);
});

function settingsFor(p: TestProvider): SsoSettings {
	return ssoSettingsFromEnv({
		OIDC_ISSUER: p.issuer,
		OIDC_CLIENT_ID: p.clientId,
		OIDC_CLIENT_SECRET: p.clientSecret,
		OIDC_NAME: 'Example SSO',
		OIDC_ALLOWED_DOMAINS: 'example.com',
		OIDC_GROUP_ROLES: 'Talent=recruiter,Panelist Admins=admin'
	})!;
}

/** A sign-in begun by the app, taken through the provider's page as `login`. */
async function signInAs(db: DB, login: string, p = provider, tamper?: (url: URL) => void) {
	const settings = settingsFor(p);
	const start = await beginSsoSignIn(db, settings, { callbackUrl, redirectTo: '/interviews' });
	if (!start.ok) throw new Error(start.reason);
	const authorization = new URL(start.authorizationUrl);
	tamper?.(authorization);
	const callback = await authorizeAt(authorization.href, login, app);
	return { settings, cookie: start.cookie, callback };
}

describe('OpenID Connect sign-in', () => {
	it('sends the browser to the provider with PKCE, state and nonce', async () => {
		const db = freshDb();
		const start = await beginSsoSignIn(db, settingsFor(provider), { callbackUrl, redirectTo: '/' });
		if (!start.ok) throw new Error(start.reason);
		const url = new URL(start.authorizationUrl);
		expect(url.origin).toBe(provider.issuer);
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('state')).toBeTruthy();
		expect(url.searchParams.get('nonce')).toBeTruthy();
		expect(url.searchParams.get('redirect_uri')).toBe(callbackUrl);
	});

	it('signs an existing account in by its verified email, links it and audits it', async () => {
		const db = freshDb();
		const ada = await newUser(db, { email: 'ada@example.com' });
		const { settings, cookie, callback } = await signInAs(db, 'ada');
		const result = await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie });
		expect(result).toMatchObject({ ok: true, user: { id: ada.id }, redirectTo: '/interviews' });
		const events = await listAuditEvents(db, 'user', ada.id);
		expect(events.map((e) => e.action)).toContain('user.signed_in_with_sso');

		// The identity is linked: a later sign-in finds the account by it.
		const again = await signInAs(db, 'ada');
		const second = await completeSsoSignIn(db, again.settings, {
			callbackUrl: again.callback,
			cookie: again.cookie
		});
		expect(second).toMatchObject({ ok: true, user: { id: ada.id } });
	});

	it('refuses an answer whose state was tampered with, or that comes back a second time', async () => {
		const db = freshDb();
		await newUser(db, { email: 'ada@example.com' });
		const { settings, cookie, callback } = await signInAs(db, 'ada');
		const tampered = new URL(callback);
		tampered.searchParams.set('state', 'x' + tampered.searchParams.get('state')!.slice(1));
		expect(await completeSsoSignIn(db, settings, { callbackUrl: tampered, cookie })).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie: undefined })).toEqual({
			ok: false,
			reason: 'expired'
		});
		const late = Date.now() + 11 * 60_000;
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie }, late)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('refuses an ID token carrying another nonce', async () => {
		const db = freshDb();
		await newUser(db, { email: 'ada@example.com' });
		const { settings, cookie, callback } = await signInAs(db, 'ada', provider, (url) =>
			url.searchParams.set('nonce', 'a-nonce-this-browser-never-made')
		);
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie })).toEqual({
			ok: false,
			reason: 'unverified-token'
		});
	});

	it('refuses an ID token signed with a key the provider does not publish', async () => {
		const db = freshDb();
		await newUser(db, { email: 'ada@example.com' });
		const { settings, cookie, callback } = await signInAs(db, 'ada', impostor);
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie })).toEqual({
			ok: false,
			reason: 'unverified-token'
		});
	});

	it('refuses an ID token that has expired', async () => {
		const db = freshDb();
		await newUser(db, { email: 'ada@example.com' });
		const start = Date.now();
		const { settings, cookie, callback } = await signInAs(db, 'ada');
		// Two hours on (the attempt's own cookie made to last that long): the token's hour is over.
		const later = start + 2 * 3600_000;
		const fields = (await readSignedValue(db, 'sso-sign-in', cookie))!;
		fields[3] = String(later + 60_000);
		const lasting = await signValue(db, 'sso-sign-in', fields);
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie: lasting }, later)).toEqual({
			ok: false,
			reason: 'unverified-token'
		});
	});

	it('refuses an email the provider has not verified', async () => {
		const db = freshDb();
		await newUser(db, { email: 'mallory@example.com' });
		const { settings, cookie, callback } = await signInAs(db, 'unverified');
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie })).toEqual({
			ok: false,
			reason: 'unverified-email'
		});
	});

	it('makes no account for a domain that is not allowed, and refuses a deactivated one alike', async () => {
		const db = freshDb();
		const outsider = await signInAs(db, 'outsider');
		expect(
			await completeSsoSignIn(db, outsider.settings, {
				callbackUrl: outsider.callback,
				cookie: outsider.cookie
			})
		).toEqual({ ok: false, reason: 'no-account' });
		expect(
			await db.selectFrom('user').select('id').where('email', '=', 'olive@elsewhere.org').execute()
		).toEqual([]);

		const admin = await newUser(db, { role: 'admin' });
		const ada = await newUser(db, { email: 'ada@example.com' });
		await deactivateUser(db, admin, ada.id);
		const { settings, cookie, callback } = await signInAs(db, 'ada');
		expect(await completeSsoSignIn(db, settings, { callbackUrl: callback, cookie })).toEqual({
			ok: false,
			reason: 'no-account'
		});
	});

	it('creates an account on first sign-in for an allowed domain, with the role its groups map to', async () => {
		const db = freshDb();
		const lead = await signInAs(db, 'lead');
		const first = await completeSsoSignIn(db, lead.settings, {
			callbackUrl: lead.callback,
			cookie: lead.cookie
		});
		if (!first.ok) throw new Error(first.reason);
		expect(await getUser(db, first.user.id)).toMatchObject({
			email: 'lena@example.com',
			name: 'Lena',
			role: 'recruiter'
		});
		const actions = (await listAuditEvents(db, 'user', first.user.id)).map((e) => e.action);
		expect(actions).toEqual(['user.created', 'user.signed_in_with_sso']);

		const newbie = await signInAs(db, 'newbie');
		const second = await completeSsoSignIn(db, newbie.settings, {
			callbackUrl: newbie.callback,
			cookie: newbie.cookie
		});
		if (!second.ok) throw new Error(second.reason);
		expect(await getUser(db, second.user.id)).toMatchObject({
			email: 'nia@example.com',
			role: 'interviewer'
		});
	});
});
