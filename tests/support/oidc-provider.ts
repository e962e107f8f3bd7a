import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import Provider from 'oidc-provider';

// A real, certified OpenID provider (panva's oidc-provider) on a loopback port of its own,
// for the sign-in tests. Its development sign-in page takes any login and password; the login
// names one of the accounts given here. Consent is taken as given, as a company's provider
// does for its own apps.

export interface ProviderAccount {
	email: string;
	emailVerified?: boolean;
	name?: string;
	groups?: string[];
}

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** By login: who signs in at the provider's page with that login. */
	accounts: Map<string, ProviderAccount>;
	close: () => Promise<void>;
}

export interface ProviderOptions {
	redirectUris: string[];
	postLogoutRedirectUris?: string[];
	/** The keys it publishes are not the one it signs with (a provider misconfigured, or an impostor). */
	publishForeignKey?: boolean;
}

function signingKey(kid: string): JsonWebKey {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
}

function publicPart(jwk: JsonWebKey): JsonWebKey {
	const { kty, n, e, kid, use, alg } = jwk;
	return { kty, n, e, kid, use, alg };
}

export async function startOidcProvider(options: ProviderOptions): Promise<TestProvider> {
	let handle: http.RequestListener = (_request, response) => response.end();
	const server = http.createServer((request, response) => handle(request, response));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	const issuer = `http://127.0.0.1:${port}`;
	const clientId = 'panelist';
	const clientSecret = randomBytes(24).toString('base64url');
	const accounts = new Map<string, ProviderAccount>();
	const key = signingKey('test-key');

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: options.redirectUris,
				post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		jwks: { keys: [key] },
		cookies: { keys: [randomBytes(24).toString('base64url')] },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
		// The claims go into the ID token itself, where the app reads them.
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: true } },
		ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 3600 },
		findAccount: (_ctx, accountId) => {
			const account = accounts.get(accountId);
			if (!account) return undefined;
			return {
				accountId,
				claims: () => ({
					sub: accountId,
					email: account.email,
					email_verified: account.emailVerified ?? true,
					name: account.name,
					groups: account.groups
				})
			};
		},
		loadExistingGrant: async (ctx) => {
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		}
	});
	const callback = provider.callback();
	const foreign = publicPart(signingKey('test-key'));
	handle = (request, response) => {
		if (options.publishForeignKey && request.url === '/jwks') {
			response.setHeader('content-type', 'application/jwk-set+json');
			response.end(JSON.stringify({ keys: [foreign] }));
			return;
		}
		void callback(request, response);
	};

	return {
		issuer,
		clientId,
		clientSecret,
		accounts,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** Cookies as a browser keeps them for one site, for following the provider's pages with fetch. */
class CookieJar {
	private cookies = new Map<string, string>();
	take(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const cut = pair!.indexOf('=');
			this.cookies.set(pair!.slice(0, cut), pair!.slice(cut + 1));
		}
	}
	header(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}
}

/**
 * Follows an authorization URL through the provider's sign-in page as `login` would, without a
 * browser; resolves with the URL the provider sends the browser back to (the app's callback).
 */
export async function authorizeAt(authorizationUrl: string, login: string, appOrigin: string): Promise<URL> {
	const jar = new CookieJar();
	let url = authorizationUrl;
	let body: URLSearchParams | undefined;
	for (let hop = 0; hop < 10; hop++) {
		const response = await fetch(url, {
			method: body ? 'POST' : 'GET',
			body,
			redirect: 'manual',
			headers: { cookie: jar.header() }
		});
		jar.take(response);
		body = undefined;
		const location = response.headers.get('location');
		if (location) {
			const next = new URL(location, url);
			if (next.origin === appOrigin) return next;
			url = next.href;
			continue;
		}
		const page = await response.text();
		const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
		if (!action || !page.includes('name="login"'))
			throw new Error(`the provider answered ${response.status}: ${page.slice(0, 300)}`);
		url = new URL(action.replaceAll('&amp;', '&'), url).href;
		body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
	}
	throw new Error('the provider never sent the browser back');
}
