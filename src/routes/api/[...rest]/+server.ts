import type { RequestHandler } from './$types';

/** Any other path under /api answers in JSON too, so scripts never have to parse a page. */
export const fallback: RequestHandler = () =>
	Response.json({ error: 'No such endpoint. The API is described at /api/v1/openapi.json' }, { status: 404 });
