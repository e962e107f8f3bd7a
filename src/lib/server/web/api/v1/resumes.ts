import { z } from 'zod';
import { describeSize, safePdfName } from '../../../../domain/resume';
import {
	getResumeInfo,
	readResume,
	removeResume,
	ResumeNotPdfError,
	ResumeTooLargeError,
	uploadResume
} from '../../../hiring/resumes';
import { getDb, resumeSettings } from '../../../platform/runtime';
import type { RequestHandler } from '@sveltejs/kit';
import { endpoint } from '../endpoint';
import { apiResponse, HttpError, pathId, requireApiUser } from '../http';
import { idOut, idParams, iso, sid, timeOut } from './conventions';

// A candidate's résumé through the API: the same feature functions and rules as the page.

const resume = z
	.object({
		candidateId: idOut,
		fileName: z.string(),
		sizeBytes: z.int(),
		uploadedAt: timeOut
	})
	.meta({ id: 'Resume' });

export const putResumeEndpoint = endpoint({
	method: 'PUT',
	path: '/candidates/{id}/resume',
	operationId: 'putResume',
	summary: "Upload or replace a candidate's résumé",
	description:
		'The PDF itself is the body. It is checked by its bytes (415 when they are not a PDF) and its size (413). It replaces the résumé before it, which is not kept. For those who run one of the candidate’s openings. GET on the same path answers the PDF (application/pdf) to them and to the panel of the candidate’s loops; DELETE removes it.',
	tag: 'Hiring',
	params: idParams,
	hiddenAs: 'No such candidate',
	textBody: {
		contentType: 'application/pdf',
		// Read per request: RESUME_MAX_BYTES is a setting of the running server.
		get maxBytes() {
			return resumeSettings().maxBytes;
		},
		get description() {
			return `The PDF, up to ${describeSize(resumeSettings().maxBytes)}`;
		}
	},
	response: { status: 200, description: 'The résumé as stored', schema: resume },
	errors: [404, 413, 422],
	handle: async ({ db, actor, params, raw, request }) => {
		const name = request.headers.get('x-file-name') ?? 'resume.pdf';
		try {
			const info = await uploadResume(db, actor, params.id, { name, bytes: raw }, resumeSettings());
			return {
				body: {
					candidateId: sid(params.id),
					fileName: info.fileName,
					sizeBytes: info.sizeBytes,
					uploadedAt: iso(info.uploadedAt)
				}
			};
		} catch (error) {
			if (error instanceof ResumeNotPdfError) throw new HttpError(415, error.message);
			if (error instanceof ResumeTooLargeError) throw new HttpError(413, error.message);
			throw error;
		}
	}
});

export const removeResumeEndpoint = endpoint({
	method: 'DELETE',
	path: '/candidates/{id}/resume',
	operationId: 'removeResume',
	summary: "Remove a candidate's résumé",
	description: 'Removing a résumé that is not there changes nothing and answers the same.',
	tag: 'Hiring',
	params: idParams,
	hiddenAs: 'No such candidate',
	response: {
		status: 200,
		description: 'Removed',
		schema: z.object({ candidateId: idOut, removed: z.literal(true) })
	},
	errors: [404],
	handle: async ({ db, actor, params }) => {
		await removeResume(db, actor, params.id, resumeSettings().store);
		return { body: { candidateId: sid(params.id), removed: true as const } };
	}
});

/** GET: the PDF itself, so outside the JSON endpoints; errors answer as theirs do. */
export const getResumePdf: RequestHandler = (event) =>
	apiResponse(async () => {
		const actor = requireApiUser(event);
		const candidateId = pathId(event.params.id ?? '');
		const db = getDb();
		if (!(await getResumeInfo(db, actor, candidateId)))
			throw new HttpError(404, 'This candidate has no résumé');
		const { fileName, bytes } = await readResume(db, actor, candidateId, resumeSettings().store);
		return new Response(bytes as Uint8Array<ArrayBuffer>, {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `inline; filename="${safePdfName(fileName)}"`,
				'x-content-type-options': 'nosniff',
				'content-security-policy': 'sandbox'
			}
		});
	});
