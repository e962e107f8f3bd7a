import { parseCalibrationFilter } from '#lib/domain/calibration-filter.ts';
import { interviewerSortKeys, pageOfInterviewers, type InterviewerSortKey } from '#lib/domain/calibration.ts';
import type { SortDirection } from '#lib/domain/sorting.ts';
import { canManageHiring } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getCalibration } from '#lib/server/calibration/calibration.ts';
import { getTrend } from '#lib/server/calibration/calibration-trend.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import { orPageError } from '#lib/server/web/page-errors.ts';
import type { PageServerLoad } from './$types';

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
			trend: null,
			interviewerCount: 0,
			page: 1,
			pages: 1
		};

	const calibration = await orPageError(getCalibration(db, actor, parsed.filter));
	const trendParam = params.get('trend') ?? (calibration.scope === 'own' ? `i${actor.id}` : '');
	const trendMatch = /^(i|c)(\d+)$/.exec(trendParam);
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
				)
			}
		: null;
	const shown = pageOfInterviewers(calibration.interviewers, {
		q,
		sort,
		dir,
		page: Number(params.get('page'))
	});
	return {
		...base,
		errors: {} as Record<string, string>,
		calibration: { ...calibration, interviewers: shown.interviewers },
		interviewerCount: shown.count,
		page: shown.page,
		pages: shown.pages,
		trend,
		staff: canManageHiring(actor)
	};
};
