import { error as httpError, isRedirect } from '@sveltejs/kit';
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { errorResponse } from './api/http';
import { diskFull, isCutOff, isDiskFull, reportDiskFull, reportUnexpected } from '../platform/errors';

// How failures reach people, decided here once: the API answers JSON `{error}` whatever
// the request's Accept header, SvelteKit's own answers included; a page shows the error page,
// and a full disk is 503 with Retry-After there too, never a 500 (decision 015).

const isApi = (url: URL) => url.pathname.startsWith('/api/');

const retryAfter = ['retry-after', String(diskFull.retryAfterSeconds)] as const;

/** What SvelteKit answers in plain text or HTML under /api (405, an address it cannot decode). */
function asApiError(response: Response, method: string): Response {
	const allow = response.headers.get('allow');
	if (response.status === 405 && allow) {
		const error = `${method} is not allowed here; this address takes ${allow}`;
		return Response.json({ error }, { status: 405, headers: { allow } });
	}
	const error = response.status === 400 ? 'The request could not be read' : 'The request failed';
	return Response.json({ error }, { status: response.status });
}

/**
 * Wraps the other hooks: what they throw (a session that cannot be noted on a full disk),
 * and what SvelteKit answers by itself, in the form the request's door promises.
 */
export const answerErrors: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		if (isRedirect(error)) throw error;
		if (isApi(event.url)) return errorResponse(error);
		if (isDiskFull(error)) {
			reportDiskFull();
			httpError(diskFull.status, diskFull.message);
		}
		throw error;
	}
	if (isApi(event.url)) {
		const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
		return response.status >= 400 && !isJson ? asApiError(response, event.request.method) : response;
	}
	if (response.status === diskFull.status && !response.headers.has(retryAfter[0])) {
		response.headers.set(...retryAfter);
	}
	return response;
};

/**
 * Errors in loads and actions: a full disk (503) and a client gone away are expected; the
 * rest is logged with a reference. Errors raised on purpose (`error(…)`) and SvelteKit's own
 * keep their status and message.
 */
export const answerServerError: HandleServerError = ({ kind, error }) => {
	if (kind === 'framework' && error.status === 404) return { message: 'Page not found' };
	if (kind !== 'unknown') return;
	if (isDiskFull(error)) {
		reportDiskFull();
		return { status: diskFull.status, message: diskFull.message };
	}
	if (isCutOff(error)) {
		console.info('A request was cut off: the client went away before sending all of it');
		return { message: 'The request was cut off before all of it arrived.' };
	}
	return { message: 'Something went wrong on our side.', reference: reportUnexpected(error) };
};
