import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import {
	computeImpact,
	isPositiveRecommendation,
	noAnswer,
	type GroupCounts,
	type GroupRow
} from '../../domain/adverse-impact';
import { offeredOptions, type MonitoringCategory } from '../../domain/adverse-impact-settings';
import { parseCalibrationFilter, type FilterInput } from '../../domain/calibration-filter';
import { assertCanManageHiring } from '../access/permissions';
import { readMonitoringSettings } from './monitoring-settings';

// The adverse impact report (decision 025), for hiring staff only: per category, opening and
// period, how the loops of each self-identified group passed each stage. It counts complete
// loops only (every seat submitted, not cancelled), as calibration does, so no figure carries
// feedback the independence rule still hides from anyone, a recruiter on a pending panel
// included.

export interface ReportFilter {
	category: string;
	from: number;
	to: number;
	openingId?: number;
}

export interface AdverseImpactReport {
	category: MonitoringCategory;
	rows: GroupRow[];
}

/** Counts per group of the loops completed in the period, in the category's order of options. */
async function countGroups(
	db: DB,
	filter: ReportFilter,
	category: MonitoringCategory
): Promise<GroupCounts[]> {
	let query = db
		.selectFrom('loop')
		.innerJoin('scorecard', 'scorecard.loopId', 'loop.id')
		.leftJoin('demographicAnswer as answer', (join) =>
			join.onRef('answer.candidateId', '=', 'loop.candidateId').on('answer.category', '=', category.name)
		)
		.select((eb) => [
			'loop.id',
			'loop.outcome',
			'answer.answer',
			eb.fn.sum<number | string>('scorecard.recommendation').as('recommendationSum'),
			eb.fn.count<number | string>('scorecard.recommendation').as('recommendations')
		])
		.where('loop.completedAt', '>=', filter.from)
		.where('loop.completedAt', '<=', filter.to)
		.where('loop.cancelledAt', 'is', null)
		.groupBy(['loop.id', 'loop.outcome', 'answer.answer']);
	if (filter.openingId !== undefined) query = query.where('loop.openingId', '=', filter.openingId);
	const loops = await query.execute();

	const known = [...offeredOptions(category), noAnswer];
	const counts = new Map<string, GroupCounts>(
		known.map((group) => [group, { group, held: 0, positive: 0, hired: 0 }])
	);
	for (const loop of loops) {
		const group = loop.answer ?? noAnswer;
		let c = counts.get(group);
		// An option since removed from the settings still counts, as its own group.
		if (!c) counts.set(group, (c = { group, held: 0, positive: 0, hired: 0 }));
		c.held += 1;
		if (isPositiveRecommendation(Number(loop.recommendationSum ?? 0), Number(loop.recommendations)))
			c.positive += 1;
		if (loop.outcome === 'hire') c.hired += 1;
	}
	return [...counts.values()];
}

export async function getAdverseImpactReport(
	db: DB,
	actor: AuthUser,
	filter: ReportFilter
): Promise<AdverseImpactReport | null> {
	assertCanManageHiring(actor);
	const { categories } = await readMonitoringSettings(db);
	const category = categories.find((c) => c.name === filter.category);
	if (!category) return null;
	return { category, rows: computeImpact(await countGroups(db, filter, category)) };
}

export type ReportQuery =
	| { ok: true; filter: ReportFilter; values: FilterInput & { category: string } }
	| { ok: false; errors: Record<string, string>; values: FilterInput & { category: string } };

/** The report's filter from a query string: the calibration period and opening, and a category. */
export async function parseReportQuery(
	db: DB,
	params: URLSearchParams,
	timeZone: string,
	now = Date.now()
): Promise<ReportQuery> {
	const { categories } = await readMonitoringSettings(db);
	const category = params.get('category') ?? categories[0]?.name ?? '';
	const parsed = parseCalibrationFilter(params, timeZone, now);
	const values = { ...parsed.values, category };
	const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
	if (!categories.some((c) => c.name === category)) errors.category = 'Choose a category from the list';
	if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors, values };
	const { from, to, openingId } = parsed.filter;
	return { ok: true, filter: { category, from, to, openingId }, values };
}
