import { error } from '@sveltejs/kit';
import { monitoringSettingsSchema } from '#lib/domain/adverse-impact-settings.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { getAdverseImpactReport, parseReportQuery } from '#lib/server/fairness/adverse-impact-report.ts';
import { getRatingGaps } from '#lib/server/fairness/rating-gaps.ts';
import { readMonitoringSettings, saveMonitoringSettings } from '#lib/server/fairness/monitoring-settings.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	const settings = await readMonitoringSettings(db);
	const base = { settings, isAdmin: actor.role === 'admin' };
	if (!settings.enabled) return { ...base, query: null, report: null, gaps: [], openings: [], csvHref: '' };
	const [query, openings] = await Promise.all([
		parseReportQuery(db, event.url.searchParams, event.locals.timeZone),
		listOpenings(db, actor)
	]);
	const [report, gaps] = query.ok
		? await Promise.all([
				getAdverseImpactReport(db, actor, query.filter),
				getRatingGaps(db, actor, query.filter)
			])
		: [null, []];
	if (query.ok && !report) error(400, 'Choose a category from the list');
	const { category, opening, from, to } = query.values;
	return {
		...base,
		csvHref: `/adverse-impact/report.csv?${new URLSearchParams({ category, opening, from, to })}`,
		query,
		report,
		gaps,
		openings: openings.map(({ id, title }) => ({ id, title }))
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, monitoringSettingsSchema, 'settings', async (input) => {
			await saveMonitoringSettings(getDb(), admin, input);
			return { saved: true };
		});
	}
};
