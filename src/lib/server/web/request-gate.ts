import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { hasAnyUser } from '../accounts/users';
import { authenticateApiToken } from '../auth/api-tokens';
import { sessionCookieName } from '../auth/cookie';
import { validateSessionToken, type AuthUser, type ValidSession } from '../auth/session';
import { apiRateLimiter, getDb, sessionPolicy } from '../platform/runtime';
import { notJsonMessage } from './api/http';
import { scimErrorBody } from '../../domain/scim';

// Every request passes this gate, through one of two doors: SvelteKit's hooks
// (request-handles.ts) or the autosave's fast path (fast-autosave.ts), which answers before
// SvelteKit (decision 014). Whether a write may proceed, who is asking, the API tokens'
// rate limit and the headers every answer carries are decided here and only here, so the
// two doors cannot answer one request differently (decision 017).

/** What the gate reads of a request: from SvelteKit's event, or from Node's request as it arrived. */
export interface RequestHead {
	readonly method: string;
	/** Where it was sent: the path, and the origin adapter-node gives the request. */
	readonly url: Readonly<Pick<URL, 'origin' | 'protocol' | 'pathname'>>;
	/** A header's value (lower-case name), or null. */
	header(name: string): string | null;
}

export function headOfRequest(request: Request, url: URL): RequestHead {
	return { method: request.method, url, header: (name) => request.headers.get(name) };
}

/** `origin` as adapter-env.ts's originOf gives it; `pathname` without the query. */
export function headOfMessage(message: IncomingMessage, pathname: string, origin: string): RequestHead {
	const protocol = origin.slice(0, origin.indexOf(':') + 1);
	return {
		method: message.method ?? '',
		url: { origin, protocol, pathname },
		header(name) {
			const value = message.headers[name];
			return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
		}
	};
}

export const isApiPath = (pathname: string) => pathname.startsWith('/api/');

/** SCIM (decision 028): scripts of identity providers, with their own token, like the API. */
export const isScimPath = (pathname: string) => pathname.startsWith('/scim/');

const everyAnswer: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// Invite links carry a secret in the path: never hand it to another site.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()'
};
const overHttps = { ...everyAnswer, 'strict-transport-security': 'max-age=31536000' };
// What someone signed in sees is theirs, so no cache may keep it.
const noStore = { 'cache-control': 'no-store' };
const headerSets = [everyAnswer, overHttps, { ...everyAnswer, ...noStore }, { ...overHttps, ...noStore }];

/**
 * The headers every answer carries (the Content-Security-Policy of pages comes from the
 * `csp` option in vite.config.ts). `cache-control` only for someone signed in, and only
 * where the route has not set its own.
 */
export function securityHeadersFor(
	url: RequestHead['url'],
	signedIn: boolean
): Readonly<Record<string, string>> {
	return headerSets[(url.protocol === 'https:' ? 1 : 0) + (signedIn ? 2 : 0)]!;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a browser form can send without asking the server first (SvelteKit's list). */
const formContentType = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)[ \t]*(;|$)/i;

const refusal = (status: number, error: string, headers?: Record<string, string>) =>
	Response.json({ error }, { status, headers });

/** A refusal as its door speaks: SCIM's error object on /scim, `{error}` everywhere else. */
const refusalAt = (pathname: string, status: number, error: string) =>
	isScimPath(pathname)
		? new Response(JSON.stringify(scimErrorBody(status, error)), {
				status,
				headers: { 'content-type': 'application/scim+json' }
			})
		: refusal(status, error);

/**
 * The one check against cross-site request forgery (SvelteKit's own is off in
 * vite.config.ts: SvelteKit 3 also refuses an API script's DELETE without a body). Every
 * write from another origin is refused, whatever its content type, and so is a form post to
 * a page that names no origin, as browsers always name it. Scripts that send no Origin
 * (curl, an ATS with a token) are not browsers acting for someone: their API calls pass.
 * The API takes no form at all (JSON, or a CSV file as text/csv): a form post to it is 415
 * before anything else, so a form never reaches an endpoint that reads no body.
 */
export function refuseWrite(head: RequestHead): Response | null {
	if (safeMethods.has(head.method)) return null;
	const origin = head.header('origin');
	const contentType = head.header('content-type');
	const isForm = contentType !== null && formContentType.test(contentType);
	const isApi = isApiPath(head.url.pathname);
	const scripted = isApi || isScimPath(head.url.pathname);
	const unnamedFormPost = origin === null && !scripted && (contentType === null || isForm);
	if (
		(origin !== null && origin !== head.url.origin) ||
		head.header('sec-fetch-site') === 'cross-site' ||
		unnamedFormPost
	) {
		return refusalAt(head.url.pathname, 403, 'Cross-origin requests may not change data');
	}
	return isApi && isForm ? refusal(415, notJsonMessage) : null;
}

let setUp = false;

/** Whether the first admin exists; once it does, it stays so (the last admin cannot go). */
export async function isSetUp(): Promise<boolean> {
	setUp ||= await hasAnyUser(getDb());
	return setUp;
}

export interface Visitor {
	user: AuthUser | null;
	session: ValidSession | null;
	apiTokenId: string | null;
	/** A session cookie naming no valid session (ended, expired, its user deactivated): to delete. */
	staleCookie: boolean;
}

const anonymous: Visitor = { user: null, session: null, apiTokenId: null, staleCookie: false };

/**
 * Who is asking. On the API a token alone decides (a cookie sent along is ignored) and a bad
 * one is refused outright; otherwise the session cookie, if any.
 */
export async function identify(head: RequestHead): Promise<Visitor | Response> {
	const authorization = head.header('authorization');
	if (authorization !== null && isApiPath(head.url.pathname)) {
		const result = await bearerAuthentication(authorization);
		if (result instanceof Response) return result;
		return { ...anonymous, user: result.user, apiTokenId: result.tokenId };
	}
	const cookies = head.header('cookie');
	const token = cookies === null ? undefined : parseCookie(cookies)[sessionCookieName(head.url)];
	if (!token) return anonymous;
	const result = await validateSessionToken(getDb(), token, Date.now(), sessionPolicy());
	return result
		? { ...anonymous, user: result.user, session: result.session }
		: { ...anonymous, staleCookie: true };
}

/** Who an `Authorization` header speaks for, or the answer that refuses it (401, 429). */
export async function bearerAuthentication(
	authorization: string
): Promise<{ user: AuthUser; tokenId: string } | Response> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	if (!match) return refusal(401, 'Send the token as Authorization: Bearer <token>');
	const result = await authenticateApiToken(getDb(), match[1]!);
	if (!result) {
		return refusal(401, 'This API token is not valid: mistyped, revoked, or its user is deactivated', {
			'www-authenticate': 'Bearer'
		});
	}
	const wait = (await apiRateLimiter()?.take(result.tokenId)) ?? 0;
	if (wait > 0) {
		const seconds = Math.ceil(wait / 1000);
		return refusal(429, `Too many requests with this token; try again in ${seconds} s`, {
			'retry-after': String(seconds)
		});
	}
	return result;
}

export type Admission =
	| { kind: 'admitted'; visitor: Visitor }
	| { kind: 'refused'; answer: Response; visitor: Visitor | null }
	/** A page before setup: to first-run setup. */
	| { kind: 'to-setup' }
	/** A page that needs someone signed in: to the sign-in page. */
	| { kind: 'to-sign-in'; visitor: Visitor };

/**
 * The gate, in the order every request meets it: a write from elsewhere is refused before
 * anything is read; before setup only the setup page may be reached; then who is asking;
 * and anonymous visitors reach only what is open to them (`open`: the sign-in pages, the
 * API's document). Deny by default: loads and actions still check roles themselves.
 */
export async function admitRequest(head: RequestHead, open: boolean): Promise<Admission> {
	const refused = refuseWrite(head);
	if (refused) return { kind: 'refused', answer: refused, visitor: null };
	const api = isApiPath(head.url.pathname);
	if (head.url.pathname !== '/setup' && !(await isSetUp())) {
		return api || isScimPath(head.url.pathname)
			? {
					kind: 'refused',
					answer: refusalAt(head.url.pathname, 503, 'Panelist is not set up yet'),
					visitor: null
				}
			: { kind: 'to-setup' };
	}
	const visitor = await identify(head);
	if (visitor instanceof Response) return { kind: 'refused', answer: visitor, visitor: null };
	if (visitor.user || open) return { kind: 'admitted', visitor };
	return api
		? { kind: 'refused', answer: refusal(401, 'Sign in or send an API token'), visitor }
		: { kind: 'to-sign-in', visitor };
}
