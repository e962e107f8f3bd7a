import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
// Sets zod's message for missing values (see there).
import '../../domain/validation';
import { toWire } from '../../domain/scorecard';
import type { AuthUser } from '../auth/session';
import {
	ConflictError,
	CsvImportError,
	ForbiddenError,
	IncompleteError,
	InputError,
	NotFoundError,
	VersionConflictError
} from '../errors';

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

/** Parses and validates a JSON body; 413 when too large, 422 with issues when invalid. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	// Read it all even when too large: a body left unread makes Node drop the connection,
	// and the client's next request on it would fail. The adapter caps what it will read.
	return parseJsonText(await request.text(), schema);
}

/** A JSON body's text, checked as readJson describes. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.output<S> {
	if (text.length > maxJsonBytes)
		throw new HttpError(413, `The body is larger than ${maxJsonBytes / 1024} KB`);
	let body: unknown;
	try {
		body = JSON.parse(text);
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
	const bytes = new Uint8Array(await request.arrayBuffer());
	if (bytes.length > maxBytes) {
		throw new HttpError(413, `The body is larger than ${Math.round(maxBytes / 1024)} KB`);
	}
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

/** Runs an API handler and answers every known error with its status and a JSON body. */
export async function apiResponse(work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (error) {
		return errorResponse(error);
	}
}

export function errorResponse(error: unknown): Response {
	if (error instanceof HttpError)
		return json({ error: error.message, ...error.body }, { status: error.status });
	if (error instanceof CsvImportError) {
		const issues = error.issues.map(({ path, message }) => ({ path, message }));
		return json({ error: error.message, issues }, { status: 422 });
	}
	if (error instanceof InputError) {
		const issues = Object.entries(error.fieldErrors).map(([path, message]) => ({ path, message }));
		return json({ error: 'The body is not valid', issues }, { status: 422 });
	}
	if (error instanceof IncompleteError)
		return json({ error: 'Not complete yet', issues: error.issues }, { status: 422 });
	if (error instanceof VersionConflictError) {
		return json(
			{ error: error.message, version: error.currentVersion, current: toWire(error.current) },
			{ status: 409, headers: { etag: `"${error.currentVersion}"` } }
		);
	}
	if (error instanceof ConflictError) return json({ error: error.message }, { status: 409 });
	if (error instanceof ForbiddenError) return json({ error: error.message }, { status: 403 });
	if (error instanceof NotFoundError) return json({ error: error.message }, { status: 404 });
	throw error;
}
