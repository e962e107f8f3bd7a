import { z } from 'zod';
import { competencyKinds } from '../../../../domain/library';
import { competencySchema } from '../../../../domain/library-schemas';
import {
	getCompetency,
	listCompetencies,
	type CompetencyDetail,
	type CompetencySummary
} from '../../../library/competencies';
import { createCompetency, reviseCompetency, setCompetencyArchived } from '../../../library/competency-edits';
import { endpoint } from '../endpoint';
import { flagIn, hiringStaff, idOut, idParams, iso, sid, timeOut } from './conventions';

// The competency library: hiring staff only.

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
