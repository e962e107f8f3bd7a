#!/usr/bin/env node
// `npm start`: serves the built app (build/) as adapter-node's own server does, with the
// autosave's fast path in front of SvelteKit (docs/decisions/014-autosave-fast-path.md).
// PORT, HOST and SHUTDOWN_TIMEOUT as adapter-node reads them, and ORIGIN (below);
// BODY_SIZE_LIMIT and the adapter's other variables are read by the handler itself.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import process from 'node:process';
import { prepareShutdown } from './graceful-shutdown.js';
import { refuseOldNode } from './node-version.js';

refuseOldNode();

// adapter-node 6 takes the public origin from the build (paths.origin) or from the request's
// headers. ORIGIN stays a setting of the running server, as the README documents it: when it
// is set, the handler reads protocol and host from two headers that this server writes on
// every request, over anything a client sent (decision 016).
/** @type {URL | null} */
let origin = null;
if (process.env.ORIGIN) {
	try {
		origin = new URL(process.env.ORIGIN);
	} catch {
		console.error(`ORIGIN is not a URL: ${process.env.ORIGIN} (give one like https://panelist.example.com)`);
		process.exit(1);
	}
	process.env.PROTOCOL_HEADER = 'x-panelist-origin-protocol';
	process.env.HOST_HEADER = 'x-panelist-origin-host';
	delete process.env.PORT_HEADER;
}

// Importing the handler starts the app, whose server hooks put the fast path here. (By URL,
// so the type checker does not read the build.)
/** @type {(request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void} */
const handler = (await import(new URL('../build/handler.js', import.meta.url).href)).handler;
/** @type {((request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>) | undefined} */
const serveAutosave = /** @type {any} */ (globalThis)[Symbol.for('panelist.serveAutosave')];
if (typeof serveAutosave !== 'function') {
	console.error('This build has no autosave fast path: build again with `npm run build`.');
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

/** @param {http.IncomingMessage} request @param {http.ServerResponse} response */
function serve(request, response) {
	if (origin) {
		request.headers['x-panelist-origin-protocol'] = origin.protocol.slice(0, -1);
		request.headers['x-panelist-origin-host'] = origin.host;
	}
	/** @type {NonNullable<typeof serveAutosave>} */ (serveAutosave)(request, response).then(
		(answered) => {
			if (!answered) handler(request, response, () => response.writeHead(404).end('Not found'));
		},
		(error) => {
			// As the server hooks' handleError answers: a reference in the log and in the answer.
			const reference = randomUUID().slice(0, 8);
			console.error(`Error ${reference}:`, error);
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ error: 'Something went wrong on our side.', reference }));
		}
	);
}

const server = http.createServer(serve);
server.listen(port, host, () => {
	// The port it got: with PORT=0 the system chooses one (the tests that stop the server do).
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(`Listening on http://${host}:${address.port}`);
});

// Stop taking connections, answer every request already sent, then stop (graceful-shutdown.js).
const shutDown = prepareShutdown(server, { timeoutMs: shutdownSeconds * 1000 });
const exitWhenDone = () => shutDown().then(() => process.exit(0));
process.on('SIGTERM', exitWhenDone);
process.on('SIGINT', exitWhenDone);
