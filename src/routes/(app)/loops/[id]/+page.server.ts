import { z } from 'zod';
import { seatRoles } from '#lib/domain/seat-roles.ts';
import { localDateTime } from '#lib/domain/hiring-schemas.ts';
import { idList, idSchema, text } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { getLoop } from '#lib/server/hiring/loop-detail.ts';
import { getPanelPicker, getPanelWarnings, readViewerTimeZone } from '#lib/server/hiring/panel-picker.ts';
import { addToPanel, cancelLoop, removeFromPanel, rescheduleInterview } from '#lib/server/hiring/panel.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const loop = await orPageError(getLoop(db, actor, idParam(event.params.id)));
	// Someone who runs the opening may still be on this panel, and then waits like any
	// panelist (loop.feedback): the decision is held back in the data as well.
	const loadZone = await readViewerTimeZone(db, actor, event.locals.timeZone);
	const [picker, warnings] = await Promise.all([
		getPanelPicker(db, actor, loop.openingId, loadZone),
		getPanelWarnings(db, actor, loop.id, loadZone)
	]);
	return { loop, picker, warnings, loadZone };
};

const scorecardRef = z.object({ scorecardId: idSchema });

export const actions: Actions = {
	addPanelist: async (event) => {
		const actor = requireUser(event);
		const schema = z.object({
			roundId: idSchema,
			interviewerIds: idList('Choose an interviewer'),
			scheduledAt: localDateTime(event.locals.timeZone),
			role: z.enum(seatRoles, { error: 'Choose a seat' }).default('interviewer')
		});
		return runFormAction(event.request, schema, 'addPanelist', async (input) => {
			await addToPanel(getDb(), actor, idParam(event.params.id), input);
			return { roundId: input.roundId, added: true };
		});
	},
	removePanelist: async (event) => {
		const actor = requireUser(event);
		return runFormAction(event.request, scorecardRef, 'removePanelist', async ({ scorecardId }) => {
			await removeFromPanel(getDb(), actor, idParam(event.params.id), scorecardId);
			return {};
		});
	},
	reschedule: async (event) => {
		const actor = requireUser(event);
		const schema = scorecardRef.extend({ scheduledAt: localDateTime(event.locals.timeZone) });
		return runFormAction(event.request, schema, 'reschedule', async ({ scorecardId, scheduledAt }) => {
			await rescheduleInterview(getDb(), actor, idParam(event.params.id), scorecardId, scheduledAt);
			return { scorecardId, rescheduled: true };
		});
	},
	cancel: async (event) => {
		const actor = requireUser(event);
		return runFormAction(
			event.request,
			z.object({ reason: text('A reason', 500) }),
			'cancel',
			async ({ reason }) => {
				await cancelLoop(getDb(), actor, idParam(event.params.id), reason);
				return {};
			}
		);
	}
};
