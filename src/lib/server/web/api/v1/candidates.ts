import { z } from 'zod';
import { candidateSchema } from '../../../../domain/hiring-schemas';
import { maxImportBytes, maxImportRows } from '../../../../domain/candidate-import';
import { candidatesPerPage } from '../../../../domain/paging';
import { csvTextFromBytes, importCandidatesCsv } from '../../../hiring/candidate-import';
import {
	createCandidate,
	getCandidate,
	listCandidates,
	type CandidateDetail
} from '../../../hiring/candidates';
import { anonymiseSchema } from '../../../../domain/anonymisation';
import { anonymiseCandidate } from '../../../hiring/candidate-privacy';
import { resumeSettings } from '../../../platform/runtime';
import { endpoint } from '../endpoint';
import { hiringStaff, idIn, idOut, idParams, idsIn, iso, isoOrNull, sid, timeOut } from './conventions';

// Candidates: hiring staff see all of them; a hiring manager those in their own openings.

const candidateSummary = z
	.object({
		id: idOut,
		name: z.string(),
		email: z.string(),
		openings: z.array(z.object({ id: idOut, title: z.string() }))
	})
	.meta({ id: 'CandidateSummary' });

const candidate = candidateSummary
	.extend({
		notes: z.string(),
		createdAt: timeOut,
		anonymisedAt: timeOut
			.nullable()
			.meta({ description: 'When the candidate was anonymised; null while their data is held' }),
		legalHold: z
			.object({ reason: z.string(), at: timeOut })
			.nullable()
			.meta({ description: 'A legal hold keeps the candidate from being anonymised' })
	})
	.meta({ id: 'Candidate' });

const candidateJson = (c: CandidateDetail): z.input<typeof candidate> => ({
	id: sid(c.id),
	name: c.name,
	email: c.email,
	openings: c.openings.map((o) => ({ id: sid(o.id), title: o.title })),
	notes: c.notes,
	createdAt: iso(c.createdAt),
	anonymisedAt: isoOrNull(c.anonymisedAt),
	legalHold: c.legalHold && { reason: c.legalHold.reason, at: iso(c.legalHold.at) }
});

export const listCandidatesEndpoint = endpoint({
	method: 'GET',
	path: '/candidates',
	operationId: 'listCandidates',
	summary: 'List candidates',
	description: `Searches name and email; ${candidatesPerPage} a page, by name.`,
	tag: 'Hiring',
	query: z.object({
		q: z.string().max(200, 'Search with at most 200 characters').optional(),
		openingId: idIn.optional(),
		page: z
			.string()
			.regex(/^[1-9][0-9]{0,5}$/, 'Give the page as a whole number from 1')
			.transform(Number)
			.optional()
	}),
	response: {
		status: 200,
		description: 'A page of candidates',
		schema: z.object({
			candidates: z.array(candidateSummary),
			total: z.int(),
			page: z.int(),
			perPage: z.int()
		})
	},
	errors: [403, 422],
	handle: async ({ db, actor, query }) => {
		const page = query.page ?? 1;
		const { candidates, total } = await listCandidates(db, actor, { ...query, page });
		return {
			body: {
				candidates: candidates.map((c) => ({
					id: sid(c.id),
					name: c.name,
					email: c.email,
					openings: c.openings.map((o) => ({ id: sid(o.id), title: o.title }))
				})),
				total,
				page,
				perPage: candidatesPerPage
			}
		};
	}
});

export const createCandidateEndpoint = endpoint({
	method: 'POST',
	path: '/candidates',
	operationId: 'createCandidate',
	summary: 'Add a candidate',
	tag: 'Hiring',
	body: candidateSchema.extend({
		notes: candidateSchema.shape.notes.default(''),
		openingIds: idsIn().default([])
	}),
	response: { status: 201, description: 'The new candidate', schema: candidate },
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const id = await createCandidate(db, actor, body);
		return { body: candidateJson(await getCandidate(db, actor, id)) };
	}
});

export const getCandidateEndpoint = endpoint({
	method: 'GET',
	path: '/candidates/{id}',
	operationId: 'getCandidate',
	summary: 'A candidate',
	tag: 'Hiring',
	params: idParams,
	hiddenAs: 'No such candidate',
	response: { status: 200, description: 'The candidate', schema: candidate },
	errors: [404],
	handle: async ({ db, actor, params }) => ({ body: candidateJson(await getCandidate(db, actor, params.id)) })
});

export const importCandidatesEndpoint = endpoint({
	method: 'POST',
	path: '/openings/{id}/candidates/import',
	operationId: 'importCandidates',
	summary: 'Import candidates into the opening from a CSV file',
	description: `Columns by header: name and email (required), notes. Comma, semicolon or tab; UTF-8. All or nothing: any problem imports nothing and 422 lists each, with its spreadsheet row (header = row 1). A known email is added to the opening as it is; one already in the opening is left unchanged. At most ${maxImportRows.toLocaleString('en')} rows.`,
	tag: 'Hiring',
	roles: hiringStaff,
	params: idParams,
	textBody: {
		contentType: 'text/csv',
		maxBytes: maxImportBytes,
		description: `The CSV file, up to ${maxImportBytes / 1024} KB`
	},
	response: {
		status: 200,
		description: 'Imported: what happened to each row',
		schema: z
			.object({
				openingId: idOut,
				created: z.int(),
				linked: z.int().meta({ description: 'Known candidates added to the opening' }),
				unchanged: z.int().meta({ description: 'Already in the opening' }),
				rows: z.array(
					z.object({
						row: z.int(),
						candidateId: idOut,
						outcome: z.enum(['created', 'linked', 'unchanged']),
						name: z.string(),
						email: z.string()
					})
				)
			})
			.meta({ id: 'CandidateImport' })
	},
	errors: [403, 404, 413, 422],
	handle: async ({ db, actor, params, raw }) => {
		const result = await importCandidatesCsv(db, actor, params.id, csvTextFromBytes(raw));
		return {
			body: {
				openingId: sid(result.openingId),
				created: result.created,
				linked: result.linked,
				unchanged: result.unchanged,
				rows: result.rows.map((r) => ({ ...r, candidateId: sid(r.candidateId) }))
			}
		};
	}
});

export const anonymiseCandidateEndpoint = endpoint({
	method: 'POST',
	path: '/candidates/{id}/anonymise',
	operationId: 'anonymiseCandidate',
	summary: 'Anonymise a candidate (an erasure request)',
	description:
		'Admins only. Replaces the name, email, notes and every free text written about the candidate (scorecard notes, evidence, summaries, debrief notes, decision rationale and dissent, the personal content of audit entries) with a marker, rewrites their name and email in queued mail and in-app notices about them to the anonymised ones (a mail to the candidate is not sent), and deletes the résumé; ratings, recommendations, times, decisions and outcomes stay, so every figure is unchanged. Cannot be undone. The reason (who asked, and why) goes into the audit trail. 409 under a legal hold, for a candidate already anonymised, or while one of their loops is still open.',
	tag: 'Hiring',
	roles: ['admin'],
	params: idParams,
	body: anonymiseSchema,
	response: { status: 200, description: 'The anonymised candidate', schema: candidate },
	errors: [403, 404, 409, 422],
	handle: async ({ db, actor, params, body }) => {
		await anonymiseCandidate(db, actor, params.id, body, resumeSettings().store);
		return { body: candidateJson(await getCandidate(db, actor, params.id)) };
	}
});
