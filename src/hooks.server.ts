import { dev } from '$app/environment';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { serveAutosave } from '$lib/server/api/fast-autosave';
import { databasePath, startApp } from '$lib/server/app';
import {
	authenticate,
	denyAnonymous,
	firstRunSetup,
	refuseCrossOriginWrites,
	securityHeaders,
	timeZone,
	warnAboutUnreadForwardedFor
} from '$lib/server/handles';

// The custom server (scripts/server.js) answers autosaves before SvelteKit: decision 014.
(globalThis as Record<symbol, unknown>)[Symbol.for('panelist.serveAutosave')] = serveAutosave;

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
	refuseCrossOriginWrites,
	firstRunSetup,
	authenticate,
	denyAnonymous,
	timeZone
);

/** Unexpected errors: log them with a reference, show the reference and nothing else. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message: 'Page not found' };
	if (status < 500) return { message };
	const reference = crypto.randomUUID().slice(0, 8);
	console.error(`Error ${reference}:`, error);
	return { message: 'Something went wrong on our side.', reference };
};
