// adapter-node's request handler, as src/server.ts imports it: vite.config.ts resolves the
// name to the adapter's own module, the one the adapter builds into the server bundle.
declare module 'panelist:adapter-node-handler' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export const handler: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}
