import type { IncomingHttpHeaders } from 'node:http';

// What adapter-node reads from the environment to make a request's URL and to cap its body,
// read the same way here: the autosave's fast path answers before the adapter has seen the
// request, and must agree with it on both (decision 017).

export interface AdapterEnv {
	protocolHeader: string;
	hostHeader: string;
	portHeader: string;
	/** BODY_SIZE_LIMIT, in bytes. */
	bodySizeLimit: number;
}

/**
 * BODY_SIZE_LIMIT as adapter-node parses it: bytes, or a number with K, M or G (`512K`, the
 * default); `Infinity` lifts the limit. Anything else stops the server, as in the adapter.
 */
export function parseBodySizeLimit(value: string): number {
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	const bytes = Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
	if (Number.isNaN(bytes))
		throw new Error(`Invalid BODY_SIZE_LIMIT: '${value}'. Please provide a numeric value.`);
	return bytes;
}

export function readAdapterEnv(env: Record<string, string | undefined>): AdapterEnv {
	return {
		protocolHeader: (env.PROTOCOL_HEADER ?? '').toLowerCase(),
		hostHeader: (env.HOST_HEADER ?? '').toLowerCase(),
		portHeader: (env.PORT_HEADER ?? '').toLowerCase(),
		bodySizeLimit: parseBodySizeLimit(env.BODY_SIZE_LIMIT ?? '512K')
	};
}

let fromProcess: AdapterEnv | undefined;

/**
 * The running server's settings, read at first use: `npm start` sets PROTOCOL_HEADER and
 * HOST_HEADER from ORIGIN before it loads the adapter (src/server.ts).
 */
export function adapterEnv(): AdapterEnv {
	fromProcess ??= readAdapterEnv(process.env);
	return fromProcess;
}

/** One value of a header that must have one; undefined when it has several. */
function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
}

/**
 * The origin adapter-node gives a request (its `get_origin`): `https` and the Host header,
 * unless PROTOCOL_HEADER, HOST_HEADER or PORT_HEADER name headers to read them from, as
 * SvelteKit's `url.origin` then spells it. Null where the adapter answers 400 instead.
 */
export function originOf(headers: IncomingHttpHeaders, env: AdapterEnv = adapterEnv()): string | null {
	const { protocolHeader, hostHeader, portHeader } = env;
	try {
		const protocol = decodeURIComponent((protocolHeader && single(headers[protocolHeader])) || 'https');
		const host = (hostHeader && single(headers[hostHeader])) || single(headers.host);
		const port = portHeader ? single(headers[portHeader]) : undefined;
		if (protocol.includes(':') || !host || (port && Number.isNaN(+port))) return null;
		return normalisedOrigin(port ? `${protocol}://${host}:${port}` : `${protocol}://${host}`);
	} catch {
		return null;
	}
}

// Each request would otherwise parse the same origin again; one client's Host header cannot
// grow this, as it keeps the last one only.
let last = { given: '', origin: '' };

function normalisedOrigin(given: string): string {
	if (given !== last.given) last = { given, origin: new URL(given).origin };
	return last.origin;
}
