import { error, redirect } from '@sveltejs/kit';
import { parseId } from '#lib/domain/ids.ts';
import { panelErrorsToFields, panelFromForm } from '#lib/domain/panel-form.ts';
import { echoValues } from '#lib/domain/validation.ts';
import { assertCanManageOpeningLoops } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getCandidate } from '#lib/server/hiring/candidates.ts';
import { InputError } from '#lib/server/platform/errors.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import { createLoop } from '#lib/server/hiring/loops.ts';
import { getOpening } from '#lib/server/hiring/openings.ts';
import { getPanelPicker, readViewerTimeZone } from '#lib/server/hiring/panel-picker.ts';
import { orPageError } from '#lib/server/web/page-errors.ts';
import { templateRounds } from '#lib/server/library/template-rounds.ts';
import type { AuthUser } from '#lib/server/auth/session.ts';
import type { Actions, PageServerLoad } from './$types';

async function loadContext(actor: AuthUser, url: URL) {
	const openingId = parseId(url.searchParams.get('opening'));
	const candidateId = parseId(url.searchParams.get('candidate'));
	if (openingId === null || candidateId === null) error(404, 'Start a loop from a candidate or an opening');
	const db = getDb();
	await orPageError(assertCanManageOpeningLoops(db, actor, openingId));
	const [opening, candidate] = await orPageError(
		Promise.all([getOpening(db, actor, openingId), getCandidate(db, actor, candidateId)])
	);
	const { rounds } = await templateRounds(db, opening.templateId);
	return { opening, candidate, rounds };
}

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const context = await loadContext(actor, event.url);
	const db = getDb();
	const loadZone = await readViewerTimeZone(db, actor, event.locals.timeZone);
	return { ...context, loadZone, picker: await getPanelPicker(db, actor, context.opening.id, loadZone) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { opening, candidate, rounds } = await loadContext(actor, event.url);
		const formData = await event.request.formData();
		const { entries, errors, values } = panelFromForm(formData, rounds, event.locals.timeZone);
		if (Object.keys(errors).length) return failForm(400, { values: echoValues(values), errors });
		let loopId: number;
		try {
			({ loopId } = await createLoop(getDb(), actor, {
				candidateId: candidate.id,
				openingId: opening.id,
				panel: entries
			}));
		} catch (err) {
			if (err instanceof InputError) {
				return failForm(400, {
					values: echoValues(values),
					errors: panelErrorsToFields(err.fieldErrors, entries)
				});
			}
			return formFailure(err, values);
		}
		redirect(303, `/loops/${loopId}`);
	}
};
