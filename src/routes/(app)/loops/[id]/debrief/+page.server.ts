import { redirect } from '@sveltejs/kit';
import { decisionSchema } from '#lib/domain/decision.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getDebrief, recordDecision, saveDebriefNotes } from '#lib/server/evaluation/debriefs.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { debrief: await orPageError(getDebrief(getDb(), actor, idParam(event.params.id))) };
};

/** Agenda notes are posted as `notes.<item key>`. */
function notesFrom(formData: FormData): Record<string, string> {
	const notes: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (key.startsWith('notes.') && typeof value === 'string') notes[key.slice(6)] = value;
	}
	return notes;
}

function typed(formData: FormData, notes: Record<string, string>) {
	const values: Record<string, string | string[]> = {};
	for (const key of ['outcome', 'rationale', 'dissent', 'changeReason'])
		values[key] = String(formData.get(key) ?? '');
	values.attendeeIds = formData.getAll('attendeeIds').map(String);
	for (const [key, text] of Object.entries(notes)) values[`notes.${key}`] = text;
	return values;
}

export const actions: Actions = {
	saveNotes: async (event) => {
		const actor = requireUser(event);
		const formData = await event.request.formData();
		const notes = notesFrom(formData);
		const attendeeIds = formData
			.getAll('attendeeIds')
			.map(Number)
			.filter((n) => Number.isSafeInteger(n) && n > 0);
		try {
			await saveDebriefNotes(getDb(), actor, idParam(event.params.id), { notes, attendeeIds });
		} catch (err) {
			return formFailure(err, typed(formData, notes), 'saveNotes');
		}
		return { action: 'saveNotes', saved: true };
	},

	decide: async (event) => {
		const actor = requireUser(event);
		const formData = await event.request.formData();
		const notes = notesFrom(formData);
		const form = validateForm(decisionSchema, formData);
		if (!form.ok)
			return failForm(400, { action: 'decide', values: typed(formData, notes), errors: form.errors });
		const loopId = idParam(event.params.id);
		try {
			await recordDecision(getDb(), actor, loopId, { ...form.data, notes });
		} catch (err) {
			return formFailure(err, typed(formData, notes), 'decide');
		}
		redirect(303, `/loops/${loopId}/debrief?decided=1`);
	}
};
