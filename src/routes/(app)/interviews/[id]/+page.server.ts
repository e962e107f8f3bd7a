import { fail } from '@sveltejs/kit';
import type { ScorecardRound } from '#lib/domain/scorecard.ts';
import { flatFromForm, flatten, unflatten, type FlatScorecard } from '#lib/domain/scorecard-form.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import type { AuthUser } from '#lib/server/auth/session.ts';
import { IncompleteError, InputError, VersionConflictError } from '#lib/server/platform/errors.ts';
import { formFailure } from '#lib/server/web/form-actions.ts';
import { getInterviewKit } from '#lib/server/hiring/interviews.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import { amendScorecard, saveScorecard, submitScorecard } from '#lib/server/evaluation/scorecards.ts';
import { listSubmissions } from '#lib/server/evaluation/scorecard-reads.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const kit = await orPageError(getInterviewKit(db, actor, idParam(event.params.id)));
	const submissions =
		kit.scorecard.status === 'submitted' ? await listSubmissions(db, actor, kit.scorecardId) : [];
	return {
		kit,
		submissions: submissions.map(({ id, reason, submittedAt }) => ({ id, reason, submittedAt }))
	};
};

/** The posted scorecard (the whole form, without JavaScript) for this interview's round. */
async function postedScorecard(event: Parameters<Actions[string]>[0], actor: AuthUser) {
	const kit = await orPageError(getInterviewKit(getDb(), actor, idParam(event.params.id)));
	const round: ScorecardRound = { ...kit.round, evidenceRule: kit.evidenceRule };
	const formData = await event.request.formData();
	const values = flatFromForm(formData, round);
	const baseVersion = Number(formData.get('version'));
	return {
		kit,
		values,
		document: unflatten(values, round),
		baseVersion,
		reason: String(formData.get('reason') ?? '')
	};
}

/** A refused save keeps what was typed, and on a conflict also shows what is saved. */
function refused(err: unknown, action: string, values: FlatScorecard) {
	if (err instanceof VersionConflictError) {
		return fail(409, {
			action,
			values,
			errors: {
				form: 'This scorecard was changed elsewhere after you opened it. Compare the two versions below.'
			},
			conflict: { theirs: flatten(err.current), version: err.currentVersion }
		});
	}
	if (err instanceof IncompleteError) {
		return fail(422, {
			action,
			values,
			errors: Object.fromEntries(err.issues.map((i) => [i.path, i.message]))
		});
	}
	if (err instanceof InputError) return fail(400, { action, values, errors: err.fieldErrors });
	return formFailure(err, values, action);
}

export const actions: Actions = {
	save: async (event) => {
		const actor = requireUser(event);
		const { kit, values, document, baseVersion } = await postedScorecard(event, actor);
		try {
			await saveScorecard(getDb(), actor, kit.scorecardId, baseVersion, document);
		} catch (err) {
			return refused(err, 'save', values);
		}
		return { action: 'save', saved: true, savedAt: Date.now() };
	},

	submit: async (event) => {
		const actor = requireUser(event);
		const { kit, values, document, baseVersion } = await postedScorecard(event, actor);
		const db = getDb();
		try {
			await saveScorecard(db, actor, kit.scorecardId, baseVersion, document);
			await submitScorecard(db, actor, kit.scorecardId);
		} catch (err) {
			// What was typed is saved even when the submission is incomplete.
			return refused(err, 'submit', values);
		}
		return { action: 'submit', submitted: true };
	},

	amend: async (event) => {
		const actor = requireUser(event);
		const { kit, values, document, baseVersion, reason } = await postedScorecard(event, actor);
		try {
			await amendScorecard(getDb(), actor, kit.scorecardId, { reason, document, baseVersion });
		} catch (err) {
			return refused(err, 'amend', { ...values, reason });
		}
		return { action: 'amend', amended: true };
	}
};
