import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie } from 'cookie';
import { fromWire } from '../../domain/scorecard';
import { getDb, sessionPolicy } from '../platform/runtime';
import { sessionCookieName } from '../auth/cookie';
import { validateSessionToken, type AuthUser } from '../auth/session';
import { saveScorecard } from '../evaluation/scorecards';
import {
	bearerAuthentication,
	securityHeaderValues,
	signedInHeaderValues,
	strictTransportSecurity
} from './request-handles';
import { hiddenIfRefused } from './api/endpoint';
import { errorResponse, isJsonContentType, maxJsonBytes, parseJsonText, unreadableBody } from './api/http';
import { baseVersion, saveScorecardEndpoint } from './api/v1/scorecards';

// The autosave, PUT /api/v1/scorecards/{id}, answered straight from Node's request: it is
// the one request that comes every few seconds from every interview in progress, and
// SvelteKit's Request/Response plumbing costs several times the save itself (decision 014).
// Everything that decides is shared with the endpoint: the authentication, the body's
// schema, the If-Match rule, saveScorecard and the error answers. What this path cannot
// decide for certain (a cross-origin or form post, a missing or bad credential, a body of
// unknown or excessive length) it leaves, unread, to SvelteKit, which answers as usual.

const scorecardPath = /^\/api\/v1\/scorecards\/([1-9]\d{0,14})$/;

/** The app's own origin, when it is configured (as in production); null otherwise. */
const configuredOrigin = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;

/** The headers every answer carries, as the server hooks set them for a signed-in user. */
const answerHeaders: Readonly<Record<string, string>> = {
	...securityHeaderValues,
	...signedInHeaderValues,
	...(configuredOrigin?.protocol === 'https:' ? Object.fromEntries([strictTransportSecurity]) : {})
};

/** Who is saving, or null to leave the request to SvelteKit; a refusal answers as SvelteKit would. */
async function actorOf(request: IncomingMessage): Promise<AuthUser | Response | null> {
	const { authorization, origin, cookie } = request.headers;
	if (request.headers['sec-fetch-site'] === 'cross-site') return null;
	if (authorization !== undefined) {
		// Scripts send no Origin; a browser that does is checked by SvelteKit's path.
		if (origin !== undefined) return null;
		const result = await bearerAuthentication(authorization);
		return result instanceof Response ? result : result.user;
	}
	const own = configuredOrigin;
	if (!own || cookie === undefined || (origin !== undefined && origin !== own.origin)) return null;
	const token = parseCookie(cookie)[sessionCookieName(own)];
	if (!token) return null;
	const result = await validateSessionToken(getDb(), token, Date.now(), sessionPolicy());
	return result?.user ?? null;
}

function readText(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', (error) => reject(unreadableBody(error, maxJsonBytes)));
	});
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
	const headers: Record<string, string> = { ...answerHeaders };
	answer.headers.forEach((value, name) => (headers[name] = value));
	response.writeHead(answer.status, headers);
	response.end(Buffer.from(await answer.arrayBuffer()));
}

/**
 * Answers an autosave if it can; false leaves the request, untouched, to SvelteKit.
 * The custom server (scripts/server.js) calls it before SvelteKit's handler.
 */
export async function serveAutosave(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
	if (request.method !== 'PUT') return false;
	const match = scorecardPath.exec(request.url ?? '');
	const length = Number(request.headers['content-length']);
	if (!match || !isJsonContentType(request.headers['content-type']) || !(length <= maxJsonBytes))
		return false;
	try {
		const actor = await actorOf(request);
		if (actor === null) return false;
		if (actor instanceof Response) {
			await send(response, actor);
			return true;
		}
		const body = parseJsonText(await readText(request), saveScorecardEndpoint.body!);
		const version = baseVersion(request.headers['if-match']);
		// Another interviewer's scorecard is answered as absent, as the endpoint does.
		const saved = await saveScorecard(getDb(), actor, Number(match[1]), version, fromWire(body)).catch(
			(error: unknown) => {
				throw hiddenIfRefused(saveScorecardEndpoint, error);
			}
		);
		response.writeHead(200, {
			...answerHeaders,
			'content-type': 'application/json',
			etag: `"${saved.version}"`
		});
		response.end(JSON.stringify({ version: saved.version }));
	} catch (error) {
		await send(response, errorResponse(error));
	}
	return true;
}
