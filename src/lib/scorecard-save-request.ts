import { fromWire, toWire, type ScorecardDocument, type WireDocument } from './domain/scorecard';
import { retryDelayMs } from './domain/retry-after';

/** What the server said to a save, in the terms the autosave acts on. */
export type SaveAnswer =
	| { kind: 'saved'; version: number }
	/** Another tab or device saved first: their copy, to merge. */
	| { kind: 'conflict'; theirs: ScorecardDocument; version: number }
	/** Busy or failing: try again after `ms`. */
	| { kind: 'wait'; ms: number; reason?: string }
	| { kind: 'refused'; message: string };

/** PUTs the copy as based on `version`; `keepalive` lets it outlive the page. */
function putScorecard(
	url: string,
	version: number,
	doc: ScorecardDocument,
	keepalive = false
): Promise<Response> {
	return fetch(url, {
		method: 'PUT',
		keepalive,
		headers: { 'content-type': 'application/json', 'if-match': `"${version}"` },
		body: JSON.stringify(toWire(doc))
	});
}

/** Saves the copy and reads the answer; rejects only when the network does. */
export async function sendScorecard(
	url: string,
	version: number,
	doc: ScorecardDocument,
	longestWaitMs: number
): Promise<SaveAnswer> {
	const response = await putScorecard(url, version, doc);
	const answer = (await response.json().catch(() => ({}))) as {
		error?: string;
		version?: number;
		current?: WireDocument;
	};
	if (response.ok && typeof answer.version === 'number') return { kind: 'saved', version: answer.version };
	if (response.status === 409 && answer.current && typeof answer.version === 'number')
		return { kind: 'conflict', theirs: fromWire(answer.current), version: answer.version };
	if (response.status === 401)
		return {
			kind: 'refused',
			message: 'Your session has ended. Sign in again in another tab; everything you typed is kept here.'
		};
	if (response.status === 429 || response.status >= 500)
		return {
			kind: 'wait',
			ms: retryDelayMs(response.headers.get('retry-after'), Date.now(), longestWaitMs),
			reason: answer.error
		};
	return { kind: 'refused', message: answer.error ?? `The server answered ${response.status}` };
}

/** One last save that outlives the page; answers the version the server now holds, or null. */
export async function sendLastCopy(
	url: string,
	version: number,
	doc: ScorecardDocument
): Promise<number | null> {
	try {
		const response = await putScorecard(url, version, doc, true);
		return response.ok ? ((await response.json()) as { version: number }).version : null;
	} catch {
		// keepalive bodies over 64 KB are refused; the local copy still holds everything.
		return null;
	}
}
