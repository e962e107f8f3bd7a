import { z } from 'zod';
import { openingSchema, openingStatuses } from '../../../../domain/hiring-schemas';
import { competencyKinds } from '../../../../domain/library';
import { loopStatuses } from '../../../../domain/loop-status';
import { decisionOutcomes } from '../../../../domain/decision';
import { getComparison } from '../../../evaluation/comparison';
import { createOpening, getOpening, listOpenings, type OpeningSummary } from '../../../hiring/openings';
import { endpoint } from '../endpoint';
import { countsOut, flagIn, idIn, idOut, idParams, idsIn, scaleCounts, sid } from './conventions';

// Openings and their candidates side by side. Hiring staff see every opening; a hiring
// manager sees their own.

const opening = z
	.object({
		id: idOut,
		title: z.string(),
		team: z.string(),
		level: z.string(),
		description: z
			.string()
			.meta({ description: 'What the role is; the panel reads it in the interview kit' }),
		status: z.enum(openingStatuses),
		templateId: idOut,
		templateName: z.string(),
		hiringManagers: z.array(z.object({ id: idOut, name: z.string() })),
		candidates: z.int().meta({ description: 'How many candidates are in this opening' })
	})
	.meta({ id: 'Opening' });

const openingJson = (o: OpeningSummary): z.input<typeof opening> => ({
	id: sid(o.id),
	title: o.title,
	team: o.team,
	level: o.level,
	description: o.description,
	status: o.status,
	templateId: sid(o.templateId),
	templateName: o.templateName,
	hiringManagers: o.hiringManagers.map((m) => ({ id: sid(m.id), name: m.name })),
	candidates: o.candidates
});

export const listOpeningsEndpoint = endpoint({
	method: 'GET',
	path: '/openings',
	operationId: 'listOpenings',
	summary: 'List openings',
	description: 'Hiring staff see every opening; a hiring manager the openings they manage.',
	tag: 'Hiring',
	query: z.object({ status: z.enum(openingStatuses, { error: 'Use open or closed' }).optional() }),
	response: {
		status: 200,
		description: 'Open openings first',
		schema: z.object({ openings: z.array(opening) })
	},
	errors: [403, 422],
	handle: async ({ db, actor, query }) => ({
		body: { openings: (await listOpenings(db, actor, query)).map(openingJson) }
	})
});

export const createOpeningEndpoint = endpoint({
	method: 'POST',
	path: '/openings',
	operationId: 'createOpening',
	summary: 'Create an opening',
	tag: 'Hiring',
	body: openingSchema.extend({
		templateId: idIn,
		hiringManagerIds: idsIn('Choose at least one hiring manager'),
		status: openingSchema.shape.status.default('open')
	}),
	response: { status: 201, description: 'The new opening', schema: opening },
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const id = await createOpening(db, actor, body);
		return { body: openingJson(await getOpening(db, actor, id)) };
	}
});

export const getOpeningEndpoint = endpoint({
	method: 'GET',
	path: '/openings/{id}',
	operationId: 'getOpening',
	summary: 'An opening',
	tag: 'Hiring',
	params: idParams,
	hiddenAs: 'No such opening',
	response: { status: 200, description: 'The opening', schema: opening },
	errors: [404],
	handle: async ({ db, actor, params }) => ({ body: openingJson(await getOpening(db, actor, params.id)) })
});

const comparison = z
	.object({
		openingId: idOut,
		adjusted: z.boolean().meta({ description: 'Whether ratings are leniency-adjusted' }),
		competencies: z.array(z.object({ id: idOut, name: z.string(), kind: z.enum(competencyKinds) })),
		candidates: z.array(
			z.object({
				loopId: idOut,
				candidateId: idOut,
				candidateName: z.string(),
				status: z.enum(loopStatuses),
				outcome: z.enum(decisionOutcomes).nullable().meta({
					description: 'The current decision: null while undecided, and while `visible` is false'
				}),
				visible: z.boolean().meta({
					description:
						'False where you sit on this loop’s panel and the independence rule still hides its feedback from you; the numbers and the decision are then null'
				}),
				technicalMean: z.number().nullable(),
				leadershipMean: z.number().nullable(),
				means: z.array(z.object({ competencyId: idOut, mean: z.number().nullable() })),
				recommendations: z.object({
					counts: scaleCounts,
					mean: z.number().nullable(),
					anyStrongNo: z.boolean()
				})
			})
		)
	})
	.meta({ id: 'Comparison' });

export const openingComparisonEndpoint = endpoint({
	method: 'GET',
	path: '/openings/{id}/comparison',
	operationId: 'getOpeningComparison',
	summary: 'The opening’s candidates side by side',
	description: 'One row per loop that is not cancelled, with per-competency means and recommendations.',
	tag: 'Hiring',
	params: idParams,
	query: z.object({ adjusted: flagIn }),
	hiddenAs: 'No such opening',
	response: { status: 200, description: 'The comparison', schema: comparison },
	errors: [404, 422],
	handle: async ({ db, actor, params, query }) => {
		const adjusted = query.adjusted ?? false;
		const result = await getComparison(db, actor, params.id, { adjusted });
		return {
			body: {
				openingId: sid(params.id),
				adjusted,
				competencies: result.competencies.map((c) => ({ id: sid(c.id), name: c.name, kind: c.kind })),
				candidates: result.rows.map((row) => ({
					loopId: sid(row.loopId),
					candidateId: sid(row.candidateId),
					candidateName: row.candidateName,
					status: row.status,
					outcome: row.outcome,
					visible: row.visible,
					technicalMean: row.technicalMean,
					leadershipMean: row.leadershipMean,
					means: result.competencies.map((c) => ({ competencyId: sid(c.id), mean: row.means[c.id] ?? null })),
					recommendations: {
						counts: countsOut(row.recommendations.counts),
						mean: row.recommendations.mean,
						anyStrongNo: row.recommendations.anyStrongNo
					}
				}))
			}
		};
	}
});
