import { z } from 'zod';
import { limits, noteFieldKeys } from './scorecard';

/** The JSON body of a scorecard save (API and autosave): validated on the server only. */
const ratingValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
	error: 'A rating is 1, 2, 3 or 4'
});

export const wireDocumentSchema = z
	.object({
		recommendation: z
			.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
				error: 'A recommendation is 1 (strong no) to 4 (strong yes), or null'
			})
			.nullable(),
		summary: z.string().max(limits.summary, `Keep the summary under ${limits.summary} characters`),
		freeNotes: z
			.string()
			.max(limits.freeNotes, `Keep the notes under ${limits.freeNotes} characters`)
			.default(''),
		ratings: z
			.array(
				z
					.object({
						competencyId: z.string().regex(/^\d+$/, 'A competency id is a string of digits'),
						rating: ratingValue.nullable(),
						notAssessedReason: z.string().max(limits.reason).nullable(),
						evidence: z.string().max(limits.evidence, `Keep evidence under ${limits.evidence} characters`)
					})
					.refine((r) => r.rating === null || r.notAssessedReason === null, {
						error: 'Give a rating or a not-assessed reason, not both',
						path: ['notAssessedReason']
					})
			)
			.max(50),
		notes: z
			.array(
				z.object({
					questionId: z.string().regex(/^\d+$/, 'A question id is a string of digits'),
					field: z.enum(noteFieldKeys, { error: 'Unknown note field' }),
					text: z.string().max(limits.note, `Keep each note under ${limits.note} characters`)
				})
			)
			.max(500)
	})
	.strict();
