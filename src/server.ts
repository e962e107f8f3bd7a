// `npm start` (scripts/server.js, once it has checked the Node.js version) runs this: a
// node:http server that offers each request to the autosave's fast path and hands the rest,
// untouched, to adapter-node's handler (decision 014). vite.config.ts builds it into the
// app's own server bundle, as the adapter builds its handler, so both doors share one
// instance of every module: the database connection, the rate limiters, the caches and the
// request gate (decision 017). PORT, HOST and SHUTDOWN_TIMEOUT are read as adapter-node reads
// them, ORIGIN below; BODY_SIZE_LIMIT and the adapter's other variables by the gate and the
// handler alike (web/adapter-env.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { errorResponse } from '#lib/server/web/api/http.ts';
import { serveAutosave } from '#lib/server/web/fast-autosave.ts';
import { prepareShutdown } from '#lib/server/web/graceful-shutdown.ts';
import { stopWorker } from '#lib/server/platform/runtime.ts';

// adapter-node 6 takes the public origin from the build (paths.origin) or from the request's
// headers. ORIGIN stays a setting of the running server, as the README documents it: when it
// is set, the adapter and the gate read protocol and host from two headers that this server
// writes on every request, over anything a client sent (decision 016).
const protocolHeader = 'x-panelist-origin-protocol';
const hostHeader = 'x-panelist-origin-host';
let origin: URL | null = null;
if (process.env.ORIGIN) {
	try {
		origin = new URL(process.env.ORIGIN);
	} catch {
		console.error(`ORIGIN is not a URL: ${process.env.ORIGIN} (give one like https://panelist.example.com)`);
		process.exit(1);
	}
	process.env.PROTOCOL_HEADER = protocolHeader;
	process.env.HOST_HEADER = hostHeader;
	delete process.env.PORT_HEADER;
}

// A résumé upload (RESUME_MAX_BYTES, 10 MB by default) must reach the app to be checked and
// answered in words; unless the operator set a body limit, it is raised to let one through
// with room for the form around it (decision 019). Larger bodies still get the adapter's 413.
if (!process.env.BODY_SIZE_LIMIT) {
	const resumeMax = Number(process.env.RESUME_MAX_BYTES) || 10 * 1024 * 1024;
	process.env.BODY_SIZE_LIMIT = String(Math.max(512 * 1024, resumeMax + 1024 * 1024));
}

// Only now, as the adapter reads those variables when it loads; loading it starts the app.
const { handler } = await import('panelist:adapter-node-handler');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

/** What the fast path could not answer (a fault of ours): a JSON 500 with a reference, as the API answers. */
async function answerFault(response: http.ServerResponse, error: unknown): Promise<void> {
	const answer = errorResponse(error);
	if (!response.headersSent) response.writeHead(answer.status, Object.fromEntries(answer.headers));
	response.end(await answer.text());
}

function serve(request: http.IncomingMessage, response: http.ServerResponse): void {
	if (origin) {
		request.headers[protocolHeader] = origin.protocol.slice(0, -1);
		request.headers[hostHeader] = origin.host;
	}
	// The adapter serves static files before any hook runs; they need it as much as pages do.
	response.setHeader('x-content-type-options', 'nosniff');
	serveAutosave(request, response).then(
		(answered) => {
			if (!answered) handler(request, response, () => response.writeHead(404).end('Not found'));
		},
		(error: unknown) => answerFault(response, error)
	);
}

const server = http.createServer(serve);
server.listen(port, host, () => {
	// The port it got: with PORT=0 the system chooses one (the tests that stop the server do).
	const { port } = server.address() as AddressInfo;
	console.log(`Listening on http://${host}:${port}`);
});

// Stop taking connections, answer every request already sent, finish the job in hand (the
// worker started with the app, hooks.server.ts), then stop (graceful-shutdown.ts).
const shutDown = prepareShutdown(server, { timeoutMs: shutdownSeconds * 1000 });
const exitWhenDone = () => Promise.all([shutDown(), stopWorker()]).then(() => process.exit(0));
process.on('SIGTERM', exitWhenDone);
process.on('SIGINT', exitWhenDone);
