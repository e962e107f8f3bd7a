import { z } from 'zod';
import { idPattern } from '../../../../domain/ids';
import type { Role } from '../../../../domain/roles';

// Conventions of the API's JSON: camelCase fields, ids as strings (they are opaque to
// clients, and safe from float rounding), times as ISO 8601 in UTC.

/** An id in a request: a string of digits, read as a number. */
export const idIn = z
	.string({ error: 'Give the id as a string, like "12"' })
	.regex(idPattern, 'Give the id as a string of digits, like "12"')
	.transform(Number)
	.meta({ description: 'An id, as a string of digits' });

export const idsIn = (emptyMessage?: string) => {
	const list = z.array(idIn, { error: 'Give a list of ids' }).max(500, 'At most 500 ids');
	return emptyMessage ? list.min(1, emptyMessage) : list;
};

/** A time in a request: ISO 8601 with a zone (Z or an offset), read as epoch milliseconds. */
export const timeIn = z.iso
	.datetime({ offset: true, error: 'Give an ISO 8601 time with its zone, like 2026-11-24T10:00:00Z' })
	.transform((value) => Date.parse(value));

export const idParams = z.object({ id: idIn });

/** An id in a response. */
export const idOut = z.string().meta({ description: 'An id, as a string of digits' });
export const timeOut = z.iso.datetime();

export const sid = (id: number) => String(id);
export const iso = (epochMs: number) => new Date(epochMs).toISOString();
export const isoOrNull = (epochMs: number | null) => (epochMs === null ? null : iso(epochMs));

/** Ratings and recommendations keyed "1".."4". */
export const scaleCounts = z
	.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int() })
	.meta({ description: 'How many gave each point of the 1–4 scale' });
export const countsOut = (counts: Record<1 | 2 | 3 | 4, number>) => ({
	1: counts[1],
	2: counts[2],
	3: counts[3],
	4: counts[4]
});

// Loose: a 409 on a scorecard adds the saved version and content.
export const errorBody = z
	.looseObject({
		error: z.string().meta({ description: 'What went wrong, in a sentence' }),
		issues: z
			.array(z.object({ path: z.string(), message: z.string() }))
			.optional()
			.meta({ description: 'For 422: each problem, with the dotted path of the field' }),
		reference: z
			.string()
			.optional()
			.meta({ description: 'For 500: where to find the details in the server’s log' })
	})
	.meta({ id: 'Error' });

/** "true"/"false" in a query string. */
export const flagIn = z
	.enum(['true', 'false'], { error: 'Use true or false' })
	.transform((value) => value === 'true')
	.optional();

/** The library (competencies, questions, templates) and importing candidates are theirs alone. */
export const hiringStaff: Role[] = ['admin', 'recruiter'];
