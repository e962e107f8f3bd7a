import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromWire } from '../../domain/scorecard';
import { getDb } from '../platform/runtime';
import { saveScorecard } from '../evaluation/scorecards';
import { adapterEnv, originOf } from './adapter-env';
import { admitRequest, headOfMessage, securityHeadersFor, type RequestHead } from './request-gate';
import { hiddenIfRefused } from './api/endpoint';
import { errorResponse, readJsonBody } from './api/http';
import { baseVersion, saveScorecardEndpoint } from './api/v1/scorecards';

// The autosave, PUT /api/v1/scorecards/{id}, answered straight from Node's request: it is
// the one request that comes every few seconds from every interview in progress, and
// SvelteKit's Request/Response plumbing costs several times the save itself (decision 014).
// It decides nothing of its own: the request gate (who is asking, whether the write may
// proceed, the headers), the body's reading and schema, the If-Match rule, saveScorecard and
// the error answers are those SvelteKit's door uses, in the same order (decision 017). Only
// the exact address comes here; anything else, a query string included, goes to SvelteKit.

const scorecardPath = /^\/api\/v1\/scorecards\/([1-9]\d{0,14})$/;

/** As the adapter's body stream fails past BODY_SIZE_LIMIT: unreadableBody makes it the 413. */
const pastLimit = () => Object.assign(new Error('The body is past BODY_SIZE_LIMIT'), { status: 413 });

/**
 * The body's text, read as adapter-node reads it for SvelteKit: refused unread when its
 * Content-Length is past BODY_SIZE_LIMIT, refused once more than that has arrived (and the
 * rest drained, so the connection stays usable).
 */
function readText(request: IncomingMessage, limit = adapterEnv().bodySizeLimit): Promise<string> {
	if (Number(request.headers['content-length']) > limit) return Promise.reject(pastLimit());
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
			else if (size - chunk.length <= limit) {
				chunks.length = 0;
				reject(pastLimit());
			}
		});
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string) {
	response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
	response.end(body);
}

async function sendAnswer(response: ServerResponse, head: RequestHead, signedIn: boolean, answer: Response) {
	const headers: Record<string, string> = { ...securityHeadersFor(head.url, signedIn) };
	answer.headers.forEach((value, name) => (headers[name] = value));
	send(response, answer.status, headers, await answer.text());
}

/**
 * Answers an autosave; false leaves the request, unread, to SvelteKit: another address, or
 * one whose origin adapter-node cannot make out (it answers 400). src/server.ts offers every
 * request here first.
 */
export async function serveAutosave(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
	if (request.method !== 'PUT') return false;
	const match = scorecardPath.exec(request.url ?? '');
	const origin = match && originOf(request.headers);
	if (!match || !origin) return false;
	const head = headOfMessage(request, match[0], origin);
	let signedIn = false;
	try {
		const admission = await admitRequest(head, false);
		if (admission.kind !== 'admitted') {
			// An API address is never redirected: anyone anonymous is refused.
			if (admission.kind !== 'refused') throw new Error(`The gate sent an autosave to ${admission.kind}`);
			await sendAnswer(response, head, false, admission.answer);
			return true;
		}
		const actor = admission.visitor.user!;
		signedIn = true;
		const body = await readJsonBody(
			() => readText(request),
			request.headers['content-type'],
			saveScorecardEndpoint.body!
		);
		const version = baseVersion(request.headers['if-match']);
		// Another interviewer's scorecard is answered as absent, as the endpoint does.
		const saved = await saveScorecard(getDb(), actor, Number(match[1]), version, fromWire(body)).catch(
			(error: unknown) => {
				throw hiddenIfRefused(saveScorecardEndpoint, error);
			}
		);
		const headers = { ...securityHeadersFor(head.url, true), 'content-type': 'application/json' };
		send(
			response,
			200,
			{ ...headers, etag: `"${saved.version}"` },
			JSON.stringify({ version: saved.version })
		);
	} catch (error) {
		await sendAnswer(response, head, signedIn, errorResponse(error));
	}
	return true;
}
