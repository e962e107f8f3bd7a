import { getDb } from '#lib/server/platform/runtime.ts';
import { readCalendarFeed } from '#lib/server/outbound/calendar-feed.ts';
import type { RequestHandler } from './$types';

/** An interviewer's calendar feed, at /calendar/<token>.ics: the token is the only key. */
export const GET: RequestHandler = async ({ params, url }) => {
	const token = params.file.endsWith('.ics') ? params.file.slice(0, -'.ics'.length) : '';
	const calendar = token ? await readCalendarFeed(getDb(), token, url.origin) : null;
	if (calendar === null) {
		return new Response('No such calendar feed (it may have been replaced or revoked)\n', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, no-store',
			'content-disposition': 'inline; filename="panelist-interviews.ics"'
		}
	});
};
