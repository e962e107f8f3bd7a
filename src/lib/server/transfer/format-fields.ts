import { z } from 'zod';
import { competencyKinds, evidenceRules, roundFormats, visibilityModes } from '../../domain/library';

// The fields every record of the export file is built from, each with the message a person
// reads when a file gets it wrong.

/**
 * Caps on every string. Each is at least what the app itself lets people type, so an
 * export always imports, while a hostile file cannot make the database hold megabytes in
 * one field.
 */
export const caps = {
	name: 200,
	email: 254,
	text: 20_000,
	/** Scorecard and debrief text (a long free-notes field, evidence, notes per question). */
	longText: 100_000,
	/** Audit events keep what was recorded as JSON: each string in it, its nesting, its size. */
	auditString: 100_000,
	auditDepth: 32,
	auditChars: 2_000_000
};

/** A type error's message, except for a missing field, which says so. */
export const expected = (message: string) => (issue: { input?: unknown }) =>
	issue.input === undefined ? 'This field is required' : message;

const idPattern = /^[1-9][0-9]{0,14}$/;
export const isId = (value: unknown): value is string => typeof value === 'string' && idPattern.test(value);

const idMessage = 'An id is a string of digits, like "17"';
export const id = z.string({ error: expected(idMessage) }).regex(idPattern, { error: idMessage });

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const timeMessage = 'A time is ISO-8601 in UTC with milliseconds, like 2026-11-21T09:30:00.000Z';
/** A real instant written exactly as `Date.toISOString()` writes it (so 31 February is refused). */
export const time = z
	.string({ error: expected(timeMessage) })
	.max(30, { error: timeMessage, abort: true })
	.refine((s) => isoPattern.test(s) && new Date(Date.parse(s)).toISOString() === s, { error: timeMessage });

function capped(max: number, { min = 0 } = {}) {
	const s = z.string().max(max, { error: `Use at most ${max} characters`, abort: true });
	return min ? s.min(min, { error: 'This must not be empty' }) : s;
}
export const name = capped(caps.name, { min: 1 });
export const text = capped(caps.text);
export const longText = capped(caps.longText);

/** Stored in lower case, as the app stores it: sign-in looks emails up that way. */
export const email = z
	.email({ error: expected('Not a valid email address') })
	.max(caps.email, { error: `Use at most ${caps.email} characters` })
	.refine((s) => s === s.toLowerCase(), { error: 'Write emails in lower case' });

export const wholeNumber = (min: number, max: number) =>
	z
		.number({ error: expected(`A whole number from ${min} to ${max}`) })
		.int({ error: `A whole number from ${min} to ${max}` })
		.min(min, { error: `A whole number from ${min} to ${max}` })
		.max(max, { error: `A whole number from ${min} to ${max}` });

export const kind = z.enum(competencyKinds, { error: expected('technical or leadership') });
export const format = z.enum(roundFormats, { error: expected(`One of ${roundFormats.join(', ')}`) });
export const visibilityMode = z.enum(visibilityModes, { error: expected('after_own or after_all') });
export const evidenceRule = z.enum(evidenceRules, { error: expected('required or recommended') });
/** A round's own fields, in a template and as frozen in a loop. */
export const roundShape = { id, title: name, kind, format, durationMinutes: wholeNumber(1, 24 * 60) };

export const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
	error: expected('1, 2, 3 or 4')
});

/** What was recorded, as JSON, within caps; checked without recursion so nesting cannot overflow the stack. */
function jsonProblem(value: unknown): string | null {
	if (value === undefined) return 'This field is required (null for none)';
	const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
	let chars = 0;
	while (stack.length) {
		const { value: v, depth } = stack.pop()!;
		if (depth > caps.auditDepth) return `Nested more than ${caps.auditDepth} levels deep`;
		if (typeof v === 'string') {
			if (v.length > caps.auditString) return `A string in it is over ${caps.auditString} characters`;
			chars += v.length + 2;
		} else if (Array.isArray(v)) {
			chars += v.length + 2;
			for (const item of v) stack.push({ value: item, depth: depth + 1 });
		} else if (v !== null && typeof v === 'object') {
			for (const [key, item] of Object.entries(v)) {
				if (key.length > caps.auditString) return `A key in it is over ${caps.auditString} characters`;
				chars += key.length + 4;
				stack.push({ value: item, depth: depth + 1 });
			}
		} else {
			chars += 8;
		}
		if (chars > caps.auditChars) return `Over ${caps.auditChars} characters`;
	}
	return null;
}

export const recorded = z.unknown().superRefine((value, ctx) => {
	const problem = jsonProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
