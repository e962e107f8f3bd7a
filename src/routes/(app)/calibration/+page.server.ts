import { parseCalibrationFilter } from '#lib/domain/calibration-filter.ts';
import {
	interviewerSortKeys,
	leniencyVerdict,
	pageOfInterviewers,
	type InterviewerSortKey
} from '#lib/domain/calibration.ts';
import { assignExerciseSchema } from '#lib/domain/exercises.ts';
import type { SortDirection } from '#lib/domain/sorting.ts';
import { canManageHiring } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getCalibration } from '#lib/server/calibration/calibration.ts';
import { getTrend } from '#lib/server/calibration/calibration-trend.ts';
import {
	assignExercise,
	listAssignmentChoices,
	listExerciseMarkers
} from '#lib/server/calibration/exercise-assignments.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const params = event.url.searchParams;
	const parsed = parseCalibrationFilter(params, event.locals.timeZone);
	const sortParam = params.get('sort') as InterviewerSortKey | null;
	const sort: InterviewerSortKey = sortParam && interviewerSortKeys.includes(sortParam) ? sortParam : 'name';
	const dir: SortDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const openings = await listOpenings(db, actor).catch(() => []);
	const base = {
		values: parsed.values,
		sort,
		dir,
		q,
		openings: openings.map(({ id, title }) => ({ id, title }))
	};
	if (!parsed.ok)
		return {
			...base,
			errors: parsed.errors,
			calibration: null,
			exerciseChoices: null,
			trend: null,
			interviewerCount: 0,
			page: 1,
			pages: 1
		};

	const calibration = await orPageError(getCalibration(db, actor, parsed.filter));
	const trendParam = params.get('trend') ?? (calibration.scope === 'own' ? `i${actor.id}` : '');
	const trendMatch = /^(i|c)(\d+)$/.exec(trendParam);
	const trendPerson = trendMatch?.[1] === 'i' ? Number(trendMatch[2]) : null;
	// Exercise dates are for hiring staff and the person; a hiring manager's trend has none.
	const seesExercises = trendPerson !== null && (canManageHiring(actor) || trendPerson === actor.id);
	const trend = trendMatch
		? {
				key: trendParam,
				label:
					trendMatch[1] === 'i'
						? (calibration.interviewers.find((i) => i.userId === Number(trendMatch[2]))?.name ??
							'Interviewer')
						: (calibration.competencies.find((c) => c.competencyId === Number(trendMatch[2]))?.name ??
							'Competency'),
				months: await orPageError(
					getTrend(
						db,
						actor,
						trendMatch[1] === 'i'
							? { interviewerId: Number(trendMatch[2]) }
							: { competencyId: Number(trendMatch[2]) },
						parsed.filter
					)
				),
				markers: seesExercises ? await listExerciseMarkers(db, actor, trendPerson!) : []
			}
		: null;
	const shown = pageOfInterviewers(calibration.interviewers, {
		q,
		sort,
		dir,
		page: Number(params.get('page'))
	});
	const away = shown.interviewers.filter((i) => leniencyVerdict(i.leniency.ci)).map((i) => i.userId);
	return {
		...base,
		errors: {} as Record<string, string>,
		exerciseChoices: canManageHiring(actor) ? await listAssignmentChoices(db, actor, away) : null,
		calibration: { ...calibration, interviewers: shown.interviewers },
		interviewerCount: shown.count,
		page: shown.page,
		pages: shown.pages,
		trend,
		staff: canManageHiring(actor)
	};
};

export const actions: Actions = {
	assign: async (event) => {
		const actor = requireUser(event);
		return runFormAction(event.request, assignExerciseSchema, 'assign', async (input) => ({
			userId: input.userId,
			title: await assignExercise(getDb(), actor, input)
		}));
	}
};
