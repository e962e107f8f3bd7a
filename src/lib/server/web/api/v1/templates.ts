import { z } from 'zod';
import { competencyKinds, evidenceRules, roundFormats, visibilityModes } from '../../../../domain/library';
import { roundSchema, templateSchema } from '../../../../domain/library-schemas';
import {
	createTemplateWithRounds,
	getTemplate,
	listTemplates,
	type TemplateDetail,
	type TemplateSummary
} from '../../../library/templates';
import { endpoint } from '../endpoint';
import { flagIn, hiringStaff, idOut, idParams, idsIn, sid } from './conventions';

// Loop templates with their rounds: hiring staff only.

const templateSummary = z
	.object({
		id: idOut,
		name: z.string(),
		description: z.string(),
		visibilityMode: z.enum(visibilityModes).meta({
			description:
				'after_own: a panelist sees colleagues’ feedback once they submitted their own; after_all: once the whole panel has'
		}),
		evidenceRule: z.enum(evidenceRules),
		archived: z.boolean(),
		rounds: z.int(),
		technicalRounds: z.int(),
		leadershipRounds: z.int(),
		openings: z.int()
	})
	.meta({ id: 'TemplateSummary' });

const template = templateSummary
	.extend({
		rounds: z.array(
			z.object({
				id: idOut,
				position: z.int(),
				title: z.string(),
				kind: z.enum(competencyKinds),
				format: z.enum(roundFormats),
				durationMinutes: z.int(),
				competencies: z.array(z.object({ id: idOut, name: z.string(), kind: z.enum(competencyKinds) })),
				questions: z.array(z.object({ id: idOut, prompt: z.string() }))
			})
		)
	})
	.meta({ id: 'Template' });

const templateSummaryJson = (t: TemplateSummary): z.input<typeof templateSummary> => ({
	id: sid(t.id),
	name: t.name,
	description: t.description,
	visibilityMode: t.visibilityMode,
	evidenceRule: t.evidenceRule,
	archived: t.archivedAt !== null,
	rounds: t.rounds,
	technicalRounds: t.technicalRounds,
	leadershipRounds: t.leadershipRounds,
	openings: t.openings
});

const templateJson = (t: TemplateDetail): z.input<typeof template> => ({
	...templateSummaryJson({ ...t, rounds: t.rounds.length }),
	rounds: t.rounds.map((r) => ({
		id: sid(r.id),
		position: r.position,
		title: r.title,
		kind: r.kind,
		format: r.format,
		durationMinutes: r.durationMinutes,
		competencies: r.competencies.map((c) => ({ id: sid(c.id), name: c.name, kind: c.kind })),
		questions: r.questions.map((q) => ({ id: sid(q.id), prompt: q.prompt }))
	}))
});

export const listTemplatesEndpoint = endpoint({
	method: 'GET',
	path: '/templates',
	operationId: 'listTemplates',
	summary: 'List loop templates',
	tag: 'Library',
	roles: hiringStaff,
	query: z.object({ includeArchived: flagIn }),
	response: {
		status: 200,
		description: 'The templates, by name',
		schema: z.object({ templates: z.array(templateSummary) })
	},
	errors: [403, 422],
	handle: async ({ db, actor, query }) => ({
		body: { templates: (await listTemplates(db, actor, query)).map(templateSummaryJson) }
	})
});

export const createTemplateEndpoint = endpoint({
	method: 'POST',
	path: '/templates',
	operationId: 'createTemplate',
	summary: 'Create a loop template with its rounds',
	tag: 'Library',
	roles: hiringStaff,
	body: templateSchema.extend({
		description: templateSchema.shape.description.default(''),
		rounds: z
			.array(
				roundSchema.extend({
					durationMinutes: z
						.int('Give the duration in whole minutes')
						.min(10, 'A round lasts at least 10 minutes')
						.max(240, 'A round lasts at most 240 minutes'),
					competencyIds: idsIn('Choose at least one focus competency'),
					questionIds: idsIn().default([])
				})
			)
			.max(20, 'At most 20 rounds')
	}),
	response: { status: 201, description: 'The new template', schema: template },
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const id = await createTemplateWithRounds(db, actor, body);
		return { body: templateJson(await getTemplate(db, actor, id)) };
	}
});

export const getTemplateEndpoint = endpoint({
	method: 'GET',
	path: '/templates/{id}',
	operationId: 'getTemplate',
	summary: 'A loop template with its rounds',
	tag: 'Library',
	roles: hiringStaff,
	params: idParams,
	response: { status: 200, description: 'The template', schema: template },
	errors: [403, 404],
	handle: async ({ db, actor, params }) => ({ body: templateJson(await getTemplate(db, actor, params.id)) })
});
