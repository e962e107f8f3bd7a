import { z } from 'zod';

// What anonymising a candidate leaves behind (decision 024). Free text about them becomes
// one marker; numbers, ids and the words of a fixed vocabulary (an outcome, a note's field)
// stay, so every figure computed from them stays exactly as it was.

/** What every removed free text reads afterwards. */
export const anonymisedMarker = '[removed: candidate anonymised]';

export function anonymisedName(candidateId: number): string {
	return `Anonymised candidate ${candidateId}`;
}

/** Unique like every candidate's email, and on a domain that can never receive mail (RFC 2606). */
export function anonymisedEmail(candidateId: number): string {
	return `anonymised-${candidateId}@anonymised.invalid`;
}

/** Text becomes the marker; empty text stays empty, so "was anything written?" reads the same. */
export function redactText(text: string): string {
	return text.trim() === '' ? text : anonymisedMarker;
}

/**
 * Keys whose string values are a fixed vocabulary or name the panel, not the candidate: a
 * note's field, a decision's outcome, how a record came in, a round's title, interviewers.
 */
const keptKeys = new Set(['field', 'outcome', 'via', 'round', 'interviewer', 'interviewers', 'status']);

/**
 * A stored JSON value (a scorecard document, debrief notes, an audit entry's before or
 * after) with every free text replaced: strings become the marker unless under a kept key;
 * numbers, booleans, nulls and the shape stay.
 */
export function redactJson(value: unknown, key?: string): unknown {
	if (typeof value === 'string') return key !== undefined && keptKeys.has(key) ? value : redactText(value);
	if (Array.isArray(value)) return value.map((item) => redactJson(item, key));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, k)]));
	}
	return value;
}

/** Stored JSON text redacted; text that is not JSON is free text itself. */
export function redactJsonText(text: string | null): string | null {
	if (text === null) return null;
	try {
		return JSON.stringify(redactJson(JSON.parse(text)));
	} catch {
		return redactText(text);
	}
}

export const anonymiseSchema = z.object({
	reason: z
		.string({ error: 'Say who asked for this and why' })
		.trim()
		.min(1, 'Say who asked for this and why')
		.max(1000, 'Keep the reason under 1000 characters')
});

/** The page's form: the reason, and the candidate's name typed to confirm. */
export const anonymiseFormSchema = anonymiseSchema.extend({
	confirmName: z.string({ error: 'Type the candidate’s name to confirm' }).trim()
});

export const legalHoldSchema = z.object({
	reason: z
		.string({ error: 'Say why the candidate’s data must be kept' })
		.trim()
		.min(1, 'Say why the candidate’s data must be kept')
		.max(1000, 'Keep the reason under 1000 characters')
});
