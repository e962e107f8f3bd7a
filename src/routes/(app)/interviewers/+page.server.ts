import { lapseSettingSchema, setQualificationSchema } from '#lib/domain/qualifications.ts';
import { pathSettingSchema, signOffSchema } from '#lib/domain/training-paths.ts';
import { weeklyLimitSchema } from '#lib/domain/panel-load.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { listWeeklyLimits, setWeeklyLimit } from '#lib/server/hiring/load-limits.ts';
import { listActiveUsers } from '#lib/server/hiring/openings.ts';
import {
	listQualifications,
	readLapseMonths,
	setLapseMonths,
	setQualification
} from '#lib/server/hiring/qualifications.ts';
import {
	listPathSettings,
	listTraineeProgress,
	setPathSetting,
	signOffTrainee
} from '#lib/server/hiring/training-paths.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const qualifications = await orPageError(listQualifications(db, user));
	const [people, lapseMonths, paths, trainees, limits] = await Promise.all([
		listActiveUsers(db, user),
		readLapseMonths(db),
		listPathSettings(db, user),
		listTraineeProgress(db, user),
		listWeeklyLimits(db, user)
	]);
	const weeklyLimits = [...limits].map(([userId, weeklyLimit]) => ({ userId, weeklyLimit }));
	return { qualifications, people, lapseMonths, paths, trainees, weeklyLimits };
};

export const actions: Actions = {
	qualification: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, setQualificationSchema, 'qualification', async (input) => {
			await setQualification(getDb(), user, input);
			return { saved: true };
		});
	},

	limit: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, weeklyLimitSchema, 'limit', async (input) => {
			await setWeeklyLimit(getDb(), user, input);
			return { saved: true };
		});
	},

	lapse: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, lapseSettingSchema, 'lapse', async ({ months }) => {
			await setLapseMonths(getDb(), user, months);
			return { saved: true };
		});
	},

	path: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, pathSettingSchema, 'path', async (input) => {
			await setPathSetting(getDb(), user, input);
			return { saved: true };
		});
	},

	signOff: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, signOffSchema, 'signOff', async (input) => {
			await signOffTrainee(getDb(), user, input);
			return { signedOff: true };
		});
	}
};
