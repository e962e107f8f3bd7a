import { pageFromQuery } from '#lib/domain/paging.ts';
import { importCountsFromQuery } from '#lib/domain/candidate-import.ts';
import { openingSchema } from '#lib/domain/hiring-schemas.ts';
import { reminderSettingsSchema } from '#lib/domain/reminders.ts';
import { canManageHiring } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole, requireUser } from '#lib/server/auth/guards.ts';
import { listCandidates } from '#lib/server/hiring/candidates.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { listLoops } from '#lib/server/hiring/loop-summaries.ts';
import { getOpening, listActiveUsers, updateOpening } from '#lib/server/hiring/openings.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import { listTemplates } from '#lib/server/library/templates.ts';
import { getReminderSettings, updateReminderSettings } from '#lib/server/notify/reminder-settings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const id = idParam(event.params.id);
	const opening = await orPageError(getOpening(db, actor, id));
	const page = pageFromQuery(event.url.searchParams.get('page'));
	const [candidates, loops, reminders] = await Promise.all([
		listCandidates(db, actor, { openingId: id, page }),
		listLoops(db, actor, { openingId: id }),
		getReminderSettings(db, actor, id)
	]);
	const staff = canManageHiring(actor);
	const [templates, users] = staff
		? await Promise.all([listTemplates(db, actor, { includeArchived: true }), listActiveUsers(db, actor)])
		: [[], []];
	const imported = importCountsFromQuery(event.url.searchParams);
	return { opening, candidates, loops, reminders, page, staff, templates, users, imported };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, openingSchema, 'update', async (input) => {
			await updateOpening(getDb(), actor, idParam(event.params.id), input);
			return { saved: true };
		});
	},

	reminders: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, reminderSettingsSchema, 'reminders', async (input) => {
			await updateReminderSettings(getDb(), actor, idParam(event.params.id), input);
			return { remindersSaved: true };
		});
	}
};
