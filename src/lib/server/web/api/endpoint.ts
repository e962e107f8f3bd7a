import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '../../platform/runtime';
import type { Role } from '../../../domain/roles';
import type { AuthUser } from '../../auth/session';
import type { DB } from '../../platform/db';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { apiResponse, HttpError, issuesFromZod, readBytes, readJson, requireApiUser } from './http';

// An API endpoint is described once: its path, its zod schemas and its handler. The route
// file serves it with `serve()`, and openapi.ts documents it from the same description, so
// the document cannot drift from what the server accepts and answers.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Error statuses an endpoint may answer besides those every one may: 401 (signed out), 429
 * (tokens), 415 (writes), 500 and 503 (openapi.ts adds them).
 */
export type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 422 | 428;

type AnyObject = z.ZodObject;

export interface EndpointInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
	actor: AuthUser;
	db: DB;
	params: z.output<P>;
	query: z.output<Q>;
	body: z.output<B>;
	/** With `textBody`: the body's bytes, to decode as the endpoint requires. */
	raw: Uint8Array;
	request: Request;
	event: RequestEvent;
}

export interface Endpoint<
	P extends AnyObject = AnyObject,
	Q extends AnyObject = AnyObject,
	B extends z.ZodType = z.ZodType,
	R extends z.ZodType = z.ZodType
> {
	method: Method;
	/** OpenAPI style, relative to /api/v1: `/loops/{id}`. */
	path: string;
	operationId: string;
	summary: string;
	description?: string;
	tag: string;
	params?: P;
	query?: Q;
	body?: B;
	/** A body that is not JSON (a CSV file): handed to the handler as text, up to maxBytes. */
	textBody?: { contentType: string; maxBytes: number; description: string };
	/** Request headers the endpoint reads, for the document. */
	headers?: { name: string; description: string; required: boolean }[];
	response: { status: 200 | 201; description: string; schema: R };
	errors: ErrorStatus[];
	/** Only these roles, checked before the request is read (others: 403). */
	roles?: Role[];
	/** Open without signing in (the API document itself). */
	public?: boolean;
	/**
	 * For a single thing only some may see: a refusal answers 404 with this message, as for
	 * a thing that does not exist, so nobody learns what they may not see exists.
	 */
	hiddenAs?: string;
	handle: (input: EndpointInput<P, Q, B>) => Promise<EndpointResult<z.input<R>>>;
}

export interface EndpointResult<T> {
	body: T;
	headers?: Record<string, string>;
}

/** Declares an endpoint; the identity function gives the handler its types. */
export function endpoint<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(
	spec: Endpoint<P, Q, B, R>
): Endpoint<P, Q, B, R> {
	return spec;
}

/**
 * For an endpoint with `hiddenAs`, a refusal becomes "not found" (unless the actor may know
 * the thing exists); every other error stays as it is.
 */
export function hiddenIfRefused(spec: Pick<Endpoint, 'hiddenAs'>, error: unknown): unknown {
	if (spec.hiddenAs !== undefined && error instanceof ForbiddenError && !error.thingIsKnown) {
		return new NotFoundError(spec.hiddenAs);
	}
	return error;
}

/** Query values as zod sees them: each parameter once, as text. */
function queryObject(url: URL): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of url.searchParams) values[key] ??= value;
	return values;
}

/** The SvelteKit handler for an endpoint: authenticate, validate, run, answer. */
export function serve(spec: Endpoint): RequestHandler {
	return (event) =>
		apiResponse(async () => {
			const actor = spec.public ? (event.locals.user as AuthUser) : requireApiUser(event);
			if (spec.roles && !spec.roles.includes(actor.role)) throw new ForbiddenError();
			// A path that does not parse names nothing that exists.
			const params = spec.params ? spec.params.safeParse(event.params) : null;
			if (params && !params.success) throw new HttpError(404, 'Not found');
			const query = spec.query ? spec.query.safeParse(queryObject(event.url)) : null;
			if (query && !query.success) {
				throw new HttpError(422, 'The query is not valid', {
					issues: issuesFromZod(query.error, 'query')
				});
			}
			const body = spec.body ? await readJson(event.request, spec.body) : undefined;
			const raw = spec.textBody ? await readBytes(event.request, spec.textBody.maxBytes) : new Uint8Array();
			const result = await spec
				.handle({
					actor,
					db: getDb(),
					params: params?.data ?? {},
					query: query?.data ?? {},
					body,
					raw,
					request: event.request,
					event
				})
				.catch((error: unknown) => {
					throw hiddenIfRefused(spec, error);
				});
			return Response.json(result.body, { status: spec.response.status, headers: result.headers });
		});
}
