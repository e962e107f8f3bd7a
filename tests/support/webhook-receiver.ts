import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP receiver for webhooks, on 127.0.0.1 and a port the system picks, started and
// stopped by the test that uses it. It answers each request with the next status of
// `answers` (the last one once they run out) and keeps what it got.

export interface ReceivedWebhook {
	headers: Record<string, string>;
	body: string;
}

export interface WebhookReceiver {
	url: string;
	received: ReceivedWebhook[];
	/** Resolves once `count` requests have come in (or rejects after timeoutMs). */
	waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedWebhook[]>;
	close: () => Promise<void>;
}

export async function startWebhookReceiver(answers: number[] = [204]): Promise<WebhookReceiver> {
	const received: ReceivedWebhook[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(request.headers)) {
				if (typeof value === 'string') headers[name] = value;
			}
			received.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
			response.statusCode = answers[Math.min(received.length - 1, answers.length - 1)]!;
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks`,
		received,
		waitFor: async (count, timeoutMs = 15_000) => {
			const deadline = Date.now() + timeoutMs;
			while (received.length < count) {
				if (Date.now() > deadline) throw new Error(`Only ${received.length} of ${count} webhooks arrived`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return received.slice(0, count);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
