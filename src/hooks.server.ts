import { dev } from '$app/env';
import { sequence, type ServerInit } from '@sveltejs/kit/hooks';
import { databasePath, startApp } from '#lib/server/platform/runtime.ts';
import { answerErrors, answerServerError } from '#lib/server/web/error-answers.ts';
import {
	authenticate,
	denyAnonymous,
	firstRunSetup,
	refuseCrossOriginWrites,
	securityHeaders,
	timeZone,
	warnAboutUnreadForwardedFor
} from '#lib/server/web/request-handles.ts';
import { serveFirst } from '#lib/server/web/serve-first.ts';

// The custom server (scripts/server.js) offers every request to serveFirst before SvelteKit:
// the autosave's fast path (decision 014) and the answers SvelteKit would give too early or
// in the wrong form (decision 015). The symbol keeps its first name, which the server reads.
(globalThis as Record<symbol, unknown>)[Symbol.for('panelist.serveAutosave')] = serveFirst;

export const init: ServerInit = async () => {
	try {
		const applied = await startApp();
		if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		console.error(`Panelist could not start with database ${databasePath()}: ${reason}`);
		if (dev) throw error;
		process.exit(1);
	}
};

export const handle = sequence(
	warnAboutUnreadForwardedFor(),
	securityHeaders,
	answerErrors,
	refuseCrossOriginWrites,
	firstRunSetup,
	authenticate,
	denyAnonymous,
	timeZone
);

/** Unexpected errors: log them with a reference, show the reference and nothing else. */
export const handleError = answerServerError;
