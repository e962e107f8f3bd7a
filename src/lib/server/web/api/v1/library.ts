import { z } from 'zod';
import type { Role } from '../../../../domain/roles';
import { competencyKinds, evidenceRules, roundFormats, visibilityModes } from '../../../../domain/library';
import {
	competencySchema,
	questionSchema,
	roundSchema,
	templateSchema
} from '../../../../domain/library-schemas';
import {
	getCompetency,
	listCompetencies,
	type CompetencyDetail,
	type CompetencySummary
} from '../../../library/competencies';
import { createCompetency, reviseCompetency, setCompetencyArchived } from '../../../library/competency-edits';
import { createQuestion, getQuestion, listQuestions, type QuestionSummary } from '../../../library/questions';
import {
	createTemplateWithRounds,
	getTemplate,
	listTemplates,
	type TemplateDetail,
	type TemplateSummary
} from '../../../library/templates';
import { endpoint } from '../endpoint';
import { flagIn, idIn, idOut, idParams, idsIn, iso, sid, timeOut } from './conventions';

// The competency library, the question bank and loop templates: hiring staff only.

const hiringStaff: Role[] = ['admin', 'recruiter'];

const anchors = z
	.object({ 1: z.string(), 2: z.string(), 3: z.string(), 4: z.string() })
	.meta({ description: 'What earns each point of the 1–4 scale' });
const anchorsOut = (a: [string, string, string, string]) => ({ 1: a[0], 2: a[1], 3: a[2], 4: a[3] });

const competencySummary = z
	.object({
		id: idOut,
		name: z.string(),
		kind: z.enum(competencyKinds),
		description: z.string(),
		revision: z.int().meta({ description: 'The current revision; loops keep the one they were made with' }),
		archived: z.boolean(),
		questionCount: z.int()
	})
	.meta({ id: 'CompetencySummary' });

const competency = competencySummary
	.extend({
		anchors,
		revisions: z.array(
			z.object({
				revision: z.int(),
				name: z.string(),
				description: z.string(),
				anchors,
				createdAt: timeOut
			})
		),
		usage: z.object({ templates: z.int(), loops: z.int(), questions: z.int() })
	})
	.meta({ id: 'Competency' });

const summaryJson = (c: CompetencySummary): z.input<typeof competencySummary> => ({
	id: sid(c.id),
	name: c.name,
	kind: c.kind,
	description: c.description,
	revision: c.revision,
	archived: c.archivedAt !== null,
	questionCount: c.questionCount
});

const competencyJson = (c: CompetencyDetail): z.input<typeof competency> => ({
	...summaryJson(c),
	anchors: anchorsOut(c.anchors),
	revisions: c.revisions.map((r) => ({
		revision: r.revision,
		name: r.name,
		description: r.description,
		anchors: anchorsOut(r.anchors),
		createdAt: iso(r.createdAt)
	})),
	usage: c.usage
});

const competencyBody = z.object({
	name: competencySchema.shape.name,
	kind: competencySchema.shape.kind,
	description: competencySchema.shape.description,
	anchors: z.object({
		1: competencySchema.shape.anchor1,
		2: competencySchema.shape.anchor2,
		3: competencySchema.shape.anchor3,
		4: competencySchema.shape.anchor4
	})
});

const toCompetencyInput = (body: z.output<typeof competencyBody>) => ({
	name: body.name,
	kind: body.kind,
	description: body.description,
	anchor1: body.anchors[1],
	anchor2: body.anchors[2],
	anchor3: body.anchors[3],
	anchor4: body.anchors[4]
});

export const listCompetenciesEndpoint = endpoint({
	method: 'GET',
	path: '/competencies',
	operationId: 'listCompetencies',
	summary: 'List competencies',
	tag: 'Library',
	roles: hiringStaff,
	query: z.object({ kind: z.enum(competencyKinds).optional(), includeArchived: flagIn }),
	response: {
		status: 200,
		description: 'The competencies, technical first',
		schema: z.object({ competencies: z.array(competencySummary) })
	},
	errors: [403, 422],
	handle: async ({ db, actor, query }) => ({
		body: {
			competencies: (await listCompetencies(db, actor, query)).map(summaryJson)
		}
	})
});

export const createCompetencyEndpoint = endpoint({
	method: 'POST',
	path: '/competencies',
	operationId: 'createCompetency',
	summary: 'Create a competency',
	description: 'Its first revision holds the description and the anchors of each rating.',
	tag: 'Library',
	roles: hiringStaff,
	body: competencyBody,
	response: { status: 201, description: 'The new competency', schema: competency },
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const id = await createCompetency(db, actor, toCompetencyInput(body));
		return { body: competencyJson(await getCompetency(db, actor, id)) };
	}
});

export const getCompetencyEndpoint = endpoint({
	method: 'GET',
	path: '/competencies/{id}',
	operationId: 'getCompetency',
	summary: 'A competency with every revision',
	tag: 'Library',
	roles: hiringStaff,
	params: idParams,
	response: { status: 200, description: 'The competency', schema: competency },
	errors: [403, 404],
	handle: async ({ db, actor, params }) => ({
		body: competencyJson(await getCompetency(db, actor, params.id))
	})
});

export const updateCompetencyEndpoint = endpoint({
	method: 'PATCH',
	path: '/competencies/{id}',
	operationId: 'updateCompetency',
	summary: 'Revise or archive a competency',
	description:
		'Fields left out keep their value. A change to the text adds a revision (loops keep the revision they were made with); `archived` hides it from new templates.',
	tag: 'Library',
	roles: hiringStaff,
	params: idParams,
	body: competencyBody
		.extend({ anchors: competencyBody.shape.anchors.partial(), archived: z.boolean() })
		.partial(),
	response: { status: 200, description: 'The competency as it is now', schema: competency },
	errors: [403, 404, 413, 422],
	handle: async ({ db, actor, params, body }) => {
		const current = await getCompetency(db, actor, params.id);
		const { archived, anchors: anchorChanges, ...fields } = body;
		if (Object.keys(fields).length || (anchorChanges && Object.keys(anchorChanges).length)) {
			const merged = {
				name: current.name,
				kind: current.kind,
				description: current.description,
				...fields,
				anchors: { ...anchorsOut(current.anchors), ...anchorChanges }
			};
			await reviseCompetency(db, actor, params.id, toCompetencyInput(merged));
		}
		if (archived !== undefined && archived !== (current.archivedAt !== null)) {
			await setCompetencyArchived(db, actor, params.id, archived);
		}
		return { body: competencyJson(await getCompetency(db, actor, params.id)) };
	}
});

const question = z
	.object({
		id: idOut,
		prompt: z.string(),
		probes: z.array(z.string()),
		goodLooksLike: z.string(),
		redFlags: z.string(),
		archived: z.boolean(),
		competencies: z.array(z.object({ id: idOut, name: z.string(), kind: z.enum(competencyKinds) }))
	})
	.meta({ id: 'Question' });

const questionJson = (q: QuestionSummary): z.input<typeof question> => ({
	id: sid(q.id),
	prompt: q.prompt,
	probes: q.probes,
	goodLooksLike: q.goodLooksLike,
	redFlags: q.redFlags,
	archived: q.archivedAt !== null,
	competencies: q.competencies.map((c) => ({ id: sid(c.id), name: c.name, kind: c.kind }))
});

export const listQuestionsEndpoint = endpoint({
	method: 'GET',
	path: '/questions',
	operationId: 'listQuestions',
	summary: 'List questions',
	tag: 'Library',
	roles: hiringStaff,
	query: z.object({
		competencyId: idIn.optional(),
		kind: z.enum(competencyKinds).optional(),
		includeArchived: flagIn
	}),
	response: {
		status: 200,
		description: 'The questions of the bank',
		schema: z.object({ questions: z.array(question) })
	},
	errors: [403, 422],
	handle: async ({ db, actor, query }) => ({
		body: { questions: (await listQuestions(db, actor, query)).map(questionJson) }
	})
});

export const createQuestionEndpoint = endpoint({
	method: 'POST',
	path: '/questions',
	operationId: 'createQuestion',
	summary: 'Add a question to the bank',
	tag: 'Library',
	roles: hiringStaff,
	body: z.object({
		prompt: questionSchema.shape.prompt,
		probes: z.array(z.string().trim().max(300, 'A probe: use at most 300 characters')).max(20).default([]),
		goodLooksLike: questionSchema.shape.goodLooksLike,
		redFlags: questionSchema.shape.redFlags.default(''),
		competencyIds: idsIn('Link at least one competency')
	}),
	response: { status: 201, description: 'The new question', schema: question },
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const id = await createQuestion(db, actor, { ...body, probes: body.probes.join('\n') });
		return { body: questionJson(await getQuestion(db, actor, id)) };
	}
});

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
