import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
// Sets zod's message for missing values (see there).
import '../../../domain/validation';
import { toWire } from '../../../domain/scorecard';
import type { AuthUser } from '../../auth/session';
import { adapterEnv } from '../adapter-env';
import {
	ConflictError,
	CsvImportError,
	diskFull,
	ForbiddenError,
	IncompleteError,
	InputError,
	isCutOff,
	isDiskFull,
	NotFoundError,
	reportDiskFull,
	reportUnexpected,
	VersionConflictError
} from '../../platform/errors';

// The JSON door: the same feature functions as the pages, their errors as HTTP statuses.

export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly body: Record<string, unknown> = {}
	) {
		super(message);
	}
}

export interface ApiIssue {
	path: string;
	message: string;
}

/** Zod's issues as the API reports them: a dotted path (under `prefix`) and a message. */
export function issuesFromZod(error: z.ZodError, prefix?: string): ApiIssue[] {
	return error.issues.map((issue) => ({
		path: [...(prefix ? [prefix] : []), ...issue.path].join('.'),
		message: issue.message
	}));
}

/** Largest JSON body an endpoint reads; scorecards are a few kilobytes. */
export const maxJsonBytes = 256 * 1024;

/**
 * A JSON body's media type: `application/json`, with parameters or not. Anything else
 * (`application/jsonx`, `application/json-patch+json`, a form) is refused with 415, on the
 * fast path and in SvelteKit alike, rather than read as something it does not claim to be.
 */
export function isJsonContentType(contentType: string | null | undefined): boolean {
	if (contentType === 'application/json') return true;
	return contentType != null && /^application\/json[ \t]*(;|$)/i.test(contentType);
}

export const notJsonMessage = 'Send the body as JSON, with Content-Type: application/json';

/** Parses and validates a JSON body; 415, 413 when too large, 422 with issues when invalid. */
export function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	return readJsonBody(() => request.text(), request.headers.get('content-type'), schema);
}

/**
 * A JSON body as both doors read it (SvelteKit's endpoints and the autosave's fast path):
 * all of it even when it is refused, since a body left unread makes Node drop the
 * connection and the client's next request on it would fail; then its media type; then
 * its text. The adapter, or the fast path alike, stops reading at BODY_SIZE_LIMIT.
 */
export async function readJsonBody<S extends z.ZodType>(
	readText: () => Promise<string>,
	contentType: string | null | undefined,
	schema: S
): Promise<z.output<S>> {
	const text = await readText().catch((error: unknown) => {
		throw unreadableBody(error, maxJsonBytes);
	});
	if (!isJsonContentType(contentType)) throw new HttpError(415, notJsonMessage);
	return parseJsonText(text, schema);
}

/**
 * Why a body could not be read, as the error to answer: past BODY_SIZE_LIMIT (where reading
 * stops) the same 413 as past the endpoint's own limit, naming the lower of the two; for a client that went away
 * mid-upload a 400 it will never read, and one quiet line in the log rather than an error.
 * Anything else is returned as it is.
 */
export function unreadableBody(error: unknown, maxBytes: number): unknown {
	if ((error as { status?: unknown } | null)?.status === 413) {
		return tooLarge(Math.min(maxBytes, adapterEnv().bodySizeLimit));
	}
	if (isCutOff(error)) {
		console.info('A request body was cut off: the client went away before sending all of it');
		return new HttpError(400, 'The body was cut off before all of it arrived; nothing was saved');
	}
	return error;
}

function tooLarge(maxBytes: number): HttpError {
	return new HttpError(413, `The body is larger than ${Math.round(maxBytes / 1024)} KB`);
}

/** A JSON body's text, checked as readJson describes. A byte-order mark is ignored (RFC 8259 allows it). */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.output<S> {
	if (text.length > maxJsonBytes) throw tooLarge(maxJsonBytes);
	let body: unknown;
	try {
		body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		throw new HttpError(422, 'The body is not valid JSON', {
			issues: [{ path: '', message: 'Send a JSON object' }]
		});
	}
	const result = schema.safeParse(body);
	if (!result.success) {
		throw new HttpError(422, 'The body is not valid', { issues: issuesFromZod(result.error) });
	}
	return result.data;
}

/** A body that is not JSON (a CSV file), up to `maxBytes`; 413 past it. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
	const buffer = await request.arrayBuffer().catch((error: unknown) => {
		throw unreadableBody(error, maxBytes);
	});
	const bytes = new Uint8Array(buffer);
	if (bytes.length > maxBytes) throw tooLarge(maxBytes);
	return bytes;
}

export function requireApiUser(event: Pick<RequestEvent, 'locals'>): AuthUser {
	if (!event.locals.user) throw new HttpError(401, 'Sign in or send an API token');
	return event.locals.user;
}

/** A numeric id from the path; anything else does not exist. */
export function pathId(raw: string): number {
	const id = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, 'Not found');
	return id;
}

/** Runs an API handler and answers every error with its status and a JSON body. */
export async function apiResponse(work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (error) {
		return errorResponse(error);
	}
}

/**
 * The API's answer to an error, whichever door it came through (an endpoint, the hooks, the
 * autosave's fast path): always JSON `{error}`, whatever the request's Accept header.
 */
export function errorResponse(error: unknown): Response {
	if (error instanceof HttpError)
		return Response.json({ error: error.message, ...error.body }, { status: error.status });
	if (isHttpError(error)) return Response.json({ error: error.body.message }, { status: error.status });
	if (error instanceof CsvImportError) {
		const issues = error.issues.map(({ path, message }) => ({ path, message }));
		return Response.json({ error: error.message, issues }, { status: 422 });
	}
	if (error instanceof InputError) {
		const issues = Object.entries(error.fieldErrors).map(([path, message]) => ({ path, message }));
		return Response.json({ error: 'The body is not valid', issues }, { status: 422 });
	}
	if (error instanceof IncompleteError)
		return Response.json({ error: 'Not complete yet', issues: error.issues }, { status: 422 });
	if (error instanceof VersionConflictError) {
		return Response.json(
			{ error: error.message, version: error.currentVersion, current: toWire(error.current) },
			{ status: 409, headers: { etag: `"${error.currentVersion}"` } }
		);
	}
	if (error instanceof ConflictError) return Response.json({ error: error.message }, { status: 409 });
	if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403 });
	if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
	if (isDiskFull(error)) {
		reportDiskFull();
		return Response.json(
			{ error: diskFull.message },
			{ status: diskFull.status, headers: { 'retry-after': String(diskFull.retryAfterSeconds) } }
		);
	}
	const reference = reportUnexpected(error);
	return Response.json({ error: 'Something went wrong on our side.', reference }, { status: 500 });
}
