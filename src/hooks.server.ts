import { dev } from '$app/env';
import { sequence, type ServerInit } from '@sveltejs/kit/hooks';
import { databasePath, startApp, startWorker } from '#lib/server/platform/runtime.ts';
import { answerErrors, answerServerError } from '#lib/server/web/error-answers.ts';
import {
	admitRequests,
	securityHeaders,
	timeZone,
	warnAboutUnreadForwardedFor
} from '#lib/server/web/request-handles.ts';

export const init: ServerInit = async () => {
	try {
		const applied = await startApp();
		if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
		startWorker();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		console.error(`Panelist could not start with database ${databasePath()}: ${reason}`);
		if (dev) throw error;
		process.exit(1);
	}
};

// The request gate (request-gate.ts) as SvelteKit meets it; the autosave's fast path
// (src/server.ts) meets the same gate before SvelteKit.
export const handle = sequence(
	warnAboutUnreadForwardedFor(),
	securityHeaders,
	answerErrors,
	admitRequests,
	timeZone
);

/** Unexpected errors: log them with a reference, show the reference and nothing else. */
export const handleError = answerServerError;
