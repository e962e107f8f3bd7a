import { parseCalibrationFilter } from '$lib/domain/calibration-filter';
import { interviewerSortKeys, sortInterviewers, type InterviewerSortKey } from '$lib/domain/calibration';
import { canManageHiring } from '$lib/server/access';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { getCalibration, getTrend } from '$lib/server/calibration';
import { listOpenings } from '$lib/server/openings';
import { orPageError } from '$lib/server/route-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const params = event.url.searchParams;
	const parsed = parseCalibrationFilter(params, event.locals.timeZone);
	const sortParam = params.get('sort') as InterviewerSortKey | null;
	const sort: InterviewerSortKey = sortParam && interviewerSortKeys.includes(sortParam) ? sortParam : 'name';
	const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
	const openings = await listOpenings(db, actor).catch(() => []);
	const base = {
		values: parsed.values,
		sort,
		dir,
		openings: openings.map(({ id, title }) => ({ id, title }))
	};
	if (!parsed.ok) return { ...base, errors: parsed.errors, calibration: null, trend: null };

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
	return {
		...base,
		errors: {} as Record<string, string>,
		calibration: { ...calibration, interviewers: sortInterviewers(calibration.interviewers, sort, dir) },
		trend,
		staff: canManageHiring(actor)
	};
};
