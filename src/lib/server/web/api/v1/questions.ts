import { z } from 'zod';
import { competencyKinds } from '../../../../domain/library';
import { questionSchema } from '../../../../domain/library-schemas';
import { createQuestion, getQuestion, listQuestions, type QuestionSummary } from '../../../library/questions';
import { endpoint } from '../endpoint';
import { flagIn, hiringStaff, idIn, idOut, idsIn, sid } from './conventions';

// The question bank: hiring staff only.

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
