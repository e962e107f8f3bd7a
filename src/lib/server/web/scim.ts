import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { ScimError, scimErrorBody, type ScimErrorType } from '../../domain/scim';
import { authenticateScimToken, type ScimActor } from '../accounts/scim-tokens';
import { ConflictError, InputError, NotFoundError, reportUnexpected } from '../platform/errors';
import type { DB } from '../platform/db';
import { getDb } from '../platform/runtime';
import { isJsonContentType, maxJsonBytes, unreadableBody, HttpError } from './api/http';

// The SCIM door (decision 028): the provider's token, its bodies and every answer in SCIM's
// own media type, errors in SCIM's error format (RFC 7644 §3.12). The feature functions are
// in accounts/scim-users.ts.

export const scimContentType = 'application/scim+json';

export function scimAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(body === null ? null : JSON.stringify(body), {
		status,
		headers: body === null ? headers : { 'content-type': scimContentType, ...headers }
	});
}

export function scimErrorAnswer(
	status: number,
	detail: string,
	scimType?: ScimErrorType,
	headers: Record<string, string> = {}
): Response {
	return scimAnswer(scimErrorBody(status, detail, scimType), status, headers);
}

/** `application/scim+json` as SCIM asks; `application/json` as some providers send. */
function isScimContentType(contentType: string | null): boolean {
	return (
		isJsonContentType(contentType) ||
		(contentType !== null && /^application\/scim\+json[ \t]*(;|$)/i.test(contentType))
	);
}

/** Reads a body as JSON of the given schema; each failure a SCIM error. */
export async function readScimBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	const text = await request.text().catch((error: unknown) => {
		throw unreadableBody(error, maxJsonBytes);
	});
	if (!isScimContentType(request.headers.get('content-type'))) {
		throw new ScimError(415, `Send the body as ${scimContentType}`);
	}
	if (text.length > maxJsonBytes) throw new ScimError(413, 'The body is too large');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ScimError(400, 'The body is not valid JSON', 'invalidSyntax');
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
		throw new ScimError(400, `${where}${issue.message}`, 'invalidValue');
	}
	return parsed.data;
}

/** Ids are 32-bit integers on PostgreSQL; a larger one names no user rather than failing there. */
const largestId = 2 ** 31 - 1;

/** A user id from the path; anything else names no user. */
export function scimUserId(raw: string | undefined): number {
	const id = Number(raw);
	if (raw === undefined || !/^\d+$/.test(raw) || id <= 0 || id > largestId)
		throw new ScimError(404, 'No such user');
	return id;
}

function answerError(error: unknown): Response {
	if (error instanceof ScimError) return scimErrorAnswer(error.status, error.message, error.scimType);
	// The last active admin, a name too long: a rule of the account, not of the request's shape.
	if (error instanceof InputError) return scimErrorAnswer(400, error.message, 'invalidValue');
	if (error instanceof ConflictError) return scimErrorAnswer(409, error.message, 'uniqueness');
	if (error instanceof NotFoundError) return scimErrorAnswer(404, error.message);
	if (error instanceof HttpError) return scimErrorAnswer(error.status, error.message);
	return scimErrorAnswer(500, `Something went wrong (reference ${reportUnexpected(error)})`);
}

export interface ScimRequest {
	actor: ScimActor;
	db: DB;
	/** This server's /scim/v2 address, for `location`s. */
	base: string;
	event: RequestEvent;
}

/** Authenticates the provider's token, runs the handler, and answers every error as SCIM. */
export function handleScim(
	work: (request: ScimRequest) => Promise<Response>
): (event: RequestEvent) => Promise<Response> {
	return async (event) => {
		try {
			const match = /^Bearer\s+(\S+)\s*$/i.exec(event.request.headers.get('authorization') ?? '');
			const db = getDb();
			const actor = match ? await authenticateScimToken(db, match[1]!) : null;
			if (!actor) {
				// Read what was sent, so the provider's connection stays usable (http.ts says why).
				await event.request.arrayBuffer().catch(() => undefined);
				return scimErrorAnswer(401, 'Send a valid SCIM token as Authorization: Bearer <token>', undefined, {
					'www-authenticate': 'Bearer'
				});
			}
			return await work({ actor, db, base: `${event.url.origin}/scim/v2`, event });
		} catch (error) {
			return answerError(error);
		}
	};
}
