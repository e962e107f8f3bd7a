import { z } from 'zod';
import { templateCoverage } from '#lib/domain/coverage.ts';
import { idSchema, roundSchema, templateSchema } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { listCompetencies } from '#lib/server/library/competencies.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { listQuestions } from '#lib/server/library/questions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import { getTemplate, setTemplateArchived, updateTemplate } from '#lib/server/library/templates.ts';
import { addRound, removeRound, updateRound } from '#lib/server/library/template-rounds.ts';
import { moveRound, reorderRounds } from '#lib/server/library/round-order.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	const template = await orPageError(getTemplate(db, actor, idParam(event.params.id)));
	const [competencies, questions] = await Promise.all([
		listCompetencies(db, actor),
		listQuestions(db, actor)
	]);
	const coverage = templateCoverage(
		template.rounds.map((r) => ({ ...r, questionCount: r.questions.length }))
	);
	return {
		template,
		coverage,
		competencies: competencies.map(({ id, name, kind }) => ({ id, name, kind })),
		questions: questions.map(({ id, prompt, competencies }) => ({ id, prompt, competencies }))
	};
};

const roundRef = z.object({ roundId: idSchema });
const move = roundRef.extend({ direction: z.enum(['up', 'down']) });
const order = z.object({
	order: z
		.string()
		.regex(/^\d+(,\d+)*$/, 'The new order did not arrive. Reload and try again')
		.transform((value) => value.split(',').map(Number))
});
const nothing = z.object({});

export const actions: Actions = {
	settings: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, templateSchema, 'settings', async (input) => {
			await updateTemplate(getDb(), actor, idParam(event.params.id), input);
			return { saved: true };
		});
	},
	addRound: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, roundSchema, 'addRound', async (input) => ({
			addedRoundId: await addRound(getDb(), actor, idParam(event.params.id), input)
		}));
	},
	updateRound: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(
			event.request,
			roundSchema.extend(roundRef.shape),
			'updateRound',
			async ({ roundId, ...input }) => {
				await updateRound(getDb(), actor, idParam(event.params.id), roundId, input);
				return { roundId, saved: true };
			}
		);
	},
	removeRound: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, roundRef, 'removeRound', async ({ roundId }) => {
			await removeRound(getDb(), actor, idParam(event.params.id), roundId);
			return {};
		});
	},
	move: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, move, 'move', async ({ roundId, direction }) => {
			await moveRound(getDb(), actor, idParam(event.params.id), roundId, direction);
			return { movedRoundId: roundId, direction };
		});
	},
	reorder: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, order, 'reorder', async ({ order: roundIds }) => {
			await reorderRounds(getDb(), actor, idParam(event.params.id), roundIds);
			return {};
		});
	},
	archive: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, nothing, 'archive', async () => {
			await setTemplateArchived(getDb(), actor, idParam(event.params.id), true);
			return {};
		});
	},
	restore: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, nothing, 'restore', async () => {
			await setTemplateArchived(getDb(), actor, idParam(event.params.id), false);
			return {};
		});
	}
};
