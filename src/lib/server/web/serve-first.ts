import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveAutosave } from './fast-autosave';
import { notJsonMessage } from './api/http';
import { formContentType, securityHeaderValues } from './request-handles';

// What the custom server (scripts/server.js) offers every request before SvelteKit's
// handler: the header that static files would otherwise miss, the API's answer to form
// posts (which SvelteKit refuses before any hook, in plain text), and the autosave's fast path.

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const configuredOrigin = process.env.ORIGIN ? new URL(process.env.ORIGIN).origin : null;

function isCrossOrigin(origin: string, host: string | undefined): boolean {
	if (configuredOrigin) return origin !== configuredOrigin;
	return URL.canParse(origin) ? new URL(origin).host !== host : true;
}

/**
 * A form post to the API: nothing the API takes (JSON, or a CSV file as text/csv), so it is
 * refused before it is read, in JSON like every API answer: 403 from another site, as the
 * hooks refuse cross-origin writes; otherwise 415 (a script's `curl -d`, say).
 */
function refuseFormPost(request: IncomingMessage, response: ServerResponse): boolean {
	const contentType = request.headers['content-type'];
	if (!contentType || !writeMethods.has(request.method ?? '') || !request.url?.startsWith('/api/'))
		return false;
	if (!formContentType.test(contentType)) return false;
	const origin = request.headers.origin;
	const [status, error] =
		origin !== undefined && isCrossOrigin(origin, request.headers.host)
			? [403, 'Cross-origin requests may not change data']
			: [415, notJsonMessage];
	response.writeHead(status, { ...securityHeaderValues, 'content-type': 'application/json' });
	response.end(JSON.stringify({ error }));
	return true;
}

/** Answers what must be answered before SvelteKit; false leaves the request to SvelteKit. */
export function serveFirst(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
	// The adapter serves static files before any hook runs; they need it as much as pages do.
	response.setHeader('x-content-type-options', 'nosniff');
	if (refuseFormPost(request, response)) return Promise.resolve(true);
	return serveAutosave(request, response);
}
