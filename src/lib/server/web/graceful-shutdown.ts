// How the server (src/server.ts) stops: every request already sent is answered, then the process exits.
import type { Server, ServerResponse } from 'node:http';
import net from 'node:net';

/**
 * Watches `server`'s connections from now on and returns the function that stops it: it
 * stops accepting connections, answers each request in flight or arriving on an open
 * connection with `Connection: close`, closes connections that stay idle for `idleGraceMs`,
 * and resolves once none is left; whatever is still open after `timeoutMs` is cut.
 *
 * Node's `server.close()` is not enough: it closes every connection it sees as idle at once,
 * and a kept-alive connection whose next request is on its way, or already in the socket but
 * not yet read, counts as idle. Its client gets a reset for a request it sent before the
 * signal (an autosave, say). So idle connections get a short grace instead.
 */
export function prepareShutdown(
	server: Server,
	{ timeoutMs, idleGraceMs = 1000 }: { timeoutMs: number; idleGraceMs?: number }
): () => Promise<void> {
	/** Requests being answered, per open connection. */
	const inFlight = new Map<net.Socket, number>();
	const answering = new Set<ServerResponse>();
	let stopped: Promise<void> | undefined;

	const closeIfStillIdle = (socket: net.Socket) => {
		setTimeout(() => {
			if (inFlight.get(socket) === 0) socket.destroy();
		}, idleGraceMs).unref();
	};

	server.on('connection', (socket) => {
		inFlight.set(socket, 0);
		socket.once('close', () => inFlight.delete(socket));
	});
	// Before the app's own listener, so the header is there whatever the app writes.
	server.prependListener('request', (request, response) => {
		const socket = request.socket;
		inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
		answering.add(response);
		if (stopped) response.setHeader('connection', 'close');
		response.once('close', () => {
			answering.delete(response);
			if (!inFlight.has(socket)) return;
			const left = inFlight.get(socket)! - 1;
			inFlight.set(socket, left);
			// Answered before the signal, so kept open: the client may already be sending more.
			if (stopped && left === 0) closeIfStillIdle(socket);
		});
	});

	return function shutDown() {
		if (stopped) return stopped;
		// net's close, not http's: only stop listening (see above); resolves when the last connection ends.
		stopped = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
		for (const response of answering) {
			if (!response.headersSent) response.setHeader('connection', 'close');
		}
		for (const [socket, requests] of inFlight) {
			if (requests === 0) closeIfStillIdle(socket);
		}
		setTimeout(() => server.closeAllConnections(), timeoutMs).unref();
		return stopped;
	};
}
