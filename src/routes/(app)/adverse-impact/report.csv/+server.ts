import { error } from '@sveltejs/kit';
import { reportCsvHeader, reportCsvRows } from '#lib/domain/adverse-impact.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { getAdverseImpactReport, parseReportQuery } from '#lib/server/fairness/adverse-impact-report.ts';
import { readMonitoringSettings } from '#lib/server/fairness/monitoring-settings.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { csvResponse, toCsv } from '#lib/server/platform/csv.ts';
import type { RequestHandler } from './$types';

/** The aggregated report as shown, suppression included: the only export of these data (decision 025). */
export const GET: RequestHandler = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	if (!(await readMonitoringSettings(db)).enabled) error(404, 'Adverse impact monitoring is off');
	const query = await parseReportQuery(db, event.url.searchParams, event.locals.timeZone);
	if (!query.ok) error(400, Object.values(query.errors)[0]!);
	const report = await getAdverseImpactReport(db, actor, query.filter);
	if (!report) error(400, 'Choose a category from the list');
	return csvResponse(
		`adverse-impact-${report.category.name}-${query.values.from}-${query.values.to}.csv`,
		toCsv(reportCsvHeader, reportCsvRows(report.rows))
	);
};
