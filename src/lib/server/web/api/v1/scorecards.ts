import { z } from 'zod';
import { fromWire, noteFieldKeys, toWire } from '../../../../domain/scorecard';
import { wireDocumentSchema } from '../../../../domain/scorecard-schema';
import { saveScorecard, submitScorecard } from '../../../evaluation/scorecards';
import { getScorecard, type ScorecardView } from '../../../evaluation/scorecard-reads';
import { endpoint } from '../endpoint';
import { HttpError } from '../http';
import { idOut, idParams, isoOrNull, sid, timeOut } from './conventions';

// Scorecards: the interviewer's own, written live (the interview kit's autosave is this
// same PUT), and colleagues' once submitted and the independence rule allows.

const scorecard = z
	.object({
		id: idOut,
		loopId: idOut,
		interviewerId: idOut,
		version: z.int().meta({ description: 'Send it back in If-Match when saving' }),
		status: z.enum(['not_started', 'draft', 'submitted']),
		startedAt: timeOut.nullable(),
		submittedAt: timeOut.nullable(),
		amendedAt: timeOut.nullable(),
		late: z.boolean().meta({ description: 'Submitted more than a day after the interview ended' }),
		recommendation: z.int().min(1).max(4).nullable().meta({ description: '1 strong no … 4 strong yes' }),
		summary: z.string(),
		freeNotes: z.string(),
		ratings: z.array(
			z.object({
				competencyId: idOut,
				rating: z.int().min(1).max(4).nullable(),
				notAssessedReason: z.string().nullable(),
				evidence: z.string()
			})
		),
		notes: z.array(z.object({ questionId: idOut, field: z.enum(noteFieldKeys), text: z.string() }))
	})
	.meta({ id: 'Scorecard' });

export function scorecardJson(card: ScorecardView): z.input<typeof scorecard> {
	return {
		id: sid(card.id),
		loopId: sid(card.loopId),
		interviewerId: sid(card.interviewerId),
		version: card.version,
		status: card.status,
		startedAt: isoOrNull(card.startedAt),
		submittedAt: isoOrNull(card.submittedAt),
		amendedAt: isoOrNull(card.amendedAt),
		late: card.late,
		...toWire(card.document)
	};
}

const etag = (version: number) => ({ etag: `"${version}"` });

export const getScorecardEndpoint = endpoint({
	method: 'GET',
	path: '/scorecards/{id}',
	operationId: 'getScorecard',
	summary: 'A scorecard',
	description:
		'Your own at any time; a colleague’s once it is submitted and the independence rule lets you see the loop’s feedback (404 until then).',
	tag: 'Scorecards',
	params: idParams,
	hiddenAs: 'No such scorecard',
	response: { status: 200, description: 'The scorecard, with its version in the ETag', schema: scorecard },
	errors: [404],
	handle: async ({ db, actor, params }) => {
		const card = await getScorecard(db, actor, params.id);
		return { body: scorecardJson(card), headers: etag(card.version) };
	}
});

/**
 * The version an `If-Match` header names: exactly one strong entity tag, `"3"`. Without the
 * header, 428; anything else (a weak `W/"3"`, `*`, a list, an unquoted `3`) is 400, as a
 * save must name the one version it is based on.
 */
export function baseVersion(ifMatch: string | null | undefined): number {
	if (ifMatch == null || ifMatch.trim() === '') throw new HttpError(428, ifMatchMissing);
	const match = /^"(\d{1,15})"$/.exec(ifMatch.trim());
	if (!match) throw new HttpError(400, ifMatchMalformed);
	return Number(match[1]);
}

const ifMatchMissing = 'Send If-Match: "<version>" with the version this copy is based on';
const ifMatchMalformed =
	'If-Match must be one version in double quotes, like "3" (not W/"3", *, a list, or a bare number)';

export const saveScorecardEndpoint = endpoint({
	method: 'PUT',
	path: '/scorecards/{id}',
	operationId: 'saveScorecard',
	summary: 'Save your scorecard',
	description:
		'Replaces the working copy (not submitted yet). `If-Match` names the version the copy is based on; if the scorecard changed since, nothing is saved and 409 carries what is saved now.',
	tag: 'Scorecards',
	params: idParams,
	headers: [
		{
			name: 'If-Match',
			description:
				'The version this copy is based on, as one strong entity tag: `"3"`. Missing: 428; `W/"3"`, `*`, a list or an unquoted number: 400.',
			required: true
		}
	],
	body: wireDocumentSchema,
	response: {
		status: 200,
		description: 'Saved; the new version',
		schema: z.object({ version: z.int() })
	},
	errors: [400, 404, 409, 413, 422, 428],
	hiddenAs: 'No such scorecard',
	handle: async ({ db, actor, params, body, request }) => {
		const { version } = await saveScorecard(
			db,
			actor,
			params.id,
			baseVersion(request.headers.get('if-match')),
			fromWire(body)
		);
		return { body: { version }, headers: etag(version) };
	}
});

export const submitScorecardEndpoint = endpoint({
	method: 'POST',
	path: '/scorecards/{id}/submit',
	operationId: 'submitScorecard',
	summary: 'Submit your scorecard',
	description: 'Submits the saved working copy; 422 lists what is still missing, each with its path.',
	tag: 'Scorecards',
	params: idParams,
	response: {
		status: 200,
		description: 'Submitted',
		schema: z.object({ version: z.int(), status: z.literal('submitted') })
	},
	errors: [404, 409, 422],
	hiddenAs: 'No such scorecard',
	handle: async ({ db, actor, params }) => {
		const { version } = await submitScorecard(db, actor, params.id);
		return { body: { version, status: 'submitted' as const } };
	}
});
