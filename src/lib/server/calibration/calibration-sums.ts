import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
	addSums,
	competencySumFields,
	delayBandEdges,
	emptySums,
	interviewerSumFields,
	type CompetencySums,
	type InterviewerSums
} from '../../domain/calibration-sums';
import type { CompetencyKind } from '../../domain/library';
import type { DB } from '../platform/db';
import { engineOf, type Engine } from '../platform/engine/engine-of';
import { tableThroughIndex } from '../platform/engine/index-hint';
import { monthStart } from '../platform/engine/month-start';

// The sums behind calibration (domain/calibration-sums.ts), counted from the rows kept by
// calibration-upkeep.ts: per interviewer or competency, and optionally per UTC month and
// round kind, which is exactly a row of the monthly totals. One definition serves the
// page's part-months, its scoped views and the upkeep of the monthly totals.
// The SQL is the same on both engines but for the month and the index hint
// (platform/engine): conditions are counted with `case` (PostgreSQL cannot sum a boolean),
// float sums are `coalesce(sum(…), 0)` over doubles (SQLite's total() is its own), and
// every derived table has a name (PostgreSQL before 16 insists).

export interface SumsFilter {
	from: number;
	to: number;
	kind?: CompetencyKind;
	openingIds?: number[];
	interviewerId?: number;
	competencyId?: number;
	/** Loops to leave out: those the independence rule still hides from the viewer. */
	excludeLoopIds?: number[];
}

/** 'subject': one row per interviewer or competency; 'month': per subject, month and kind. */
export type SumsGrouping = 'subject' | 'month';

export interface Keyed<S> {
	id: number;
	/** With 'month' grouping only. */
	month: number;
	roundKind: CompetencyKind;
	sums: S;
}

/** The UTC month of a time column, as the epoch milliseconds of its first moment. */
export const monthOf = monthStart;

/** How many rows meet the condition (0, not null, when none do). */
const countWhen = (condition: string) => `sum(case when ${condition} then 1 else 0 end)`;

/** A float sum that is 0 over no rows, like SQLite's total(). */
const floatTotal = (expression: string) => `coalesce(sum(cast(${expression} as double precision)), 0)`;

function where(filter: SumsFilter, at: string): RawBuilder<SqlBool> {
	const parts = [sql`${sql.ref(at)} between ${filter.from} and ${filter.to}`];
	if (filter.kind) parts.push(sql`round_kind = ${filter.kind}`);
	if (filter.openingIds) {
		parts.push(filter.openingIds.length ? sql`opening_id in (${sql.join(filter.openingIds)})` : sql`1 = 0`);
	}
	if (filter.interviewerId !== undefined) parts.push(sql`interviewer_id = ${filter.interviewerId}`);
	if (filter.competencyId !== undefined) parts.push(sql`competency_id = ${filter.competencyId}`);
	if (filter.excludeLoopIds?.length) parts.push(sql`loop_id not in (${sql.join(filter.excludeLoopIds)})`);
	return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

function groupColumns(engine: Engine, subject: string, at: string, grouping: SumsGrouping) {
	return grouping === 'month'
		? sql`${sql.ref(subject)} as subject, ${monthOf(engine, at)} as month, round_kind`
		: sql`${sql.ref(subject)} as subject, 0 as month, '' as round_kind`;
}

const groupBy = (grouping: SumsGrouping) =>
	sql.raw(grouping === 'month' ? 'subject, month, round_kind' : 'subject');

/**
 * Without an interviewer, the rows come from the covering index that starts with the date:
 * left to itself, SQLite picks the index by interviewer to save sorting the groups, and then
 * reads every row of the table to check its opening (a second instead of a tenth).
 */
function fromTable(engine: Engine, filter: SumsFilter, table: string, dateIndex: string) {
	return filter.interviewerId === undefined ? tableThroughIndex(engine, table, dateIndex) : sql.raw(table);
}

// Over a derived table, month and round_kind are its columns (constants when grouping by
// subject): PostgreSQL wants every selected column grouped.
const outerGroupBy = sql.raw('subject, month, round_kind');

const key = (row: { subject: number; month: number; roundKind: string }) =>
	`${row.subject}|${row.month}|${row.roundKind}`;

const delayBandCase = sql.raw(
	`case ${delayBandEdges.map((edge, band) => `when delay_hours < ${edge} then ${band}`).join(' ')} else ${delayBandEdges.length} end`
);
const delayBandSums = sql.raw(
	[...delayBandEdges, null]
		.map((_, band) => `sum(case when band = ${band} then n else 0 end) as d${band}`)
		.join(', ')
);

const scorecardCounts = sql.raw(
	[
		`${countWhen('recommendation = 1')} as rec1, ${countWhen('recommendation = 2')} as rec2`,
		`${countWhen('recommendation = 3')} as rec3, ${countWhen('recommendation = 4')} as rec4`,
		`${countWhen('delay_hours > 24')} as late`,
		`${countWhen("loop_outcome in ('hire', 'no_hire')")} as decided`,
		`${countWhen("(loop_outcome = 'hire' and recommendation >= 3) or (loop_outcome = 'no_hire' and recommendation <= 2)")} as matched`
	].join(',\n\t\t\t\t')
);

const ratingCounts = sql.raw(
	[
		`count(*) as ratings, ${countWhen('rating is null')} as not_assessed`,
		[1, 2, 3, 4].map((r) => `${countWhen(`rating = ${r}`)} as r${r}`).join(', '),
		`${floatTotal('rating')} as sum_rating, count(others_mean) as n_d`,
		`${floatTotal('rating - others_mean')} as sum_d`,
		`${floatTotal('(rating - others_mean) * (rating - others_mean)')} as sum_d2`
	].join(',\n\t\t\t')
);

type Row = { subject: number; month: number; roundKind: CompetencyKind } & Record<string, number | null>;

/** The two statements behind interviewerSums, built but not run (their SQL is snapshotted in tests). */
export function interviewerSumsQueries(engine: Engine, filter: SumsFilter, grouping: SumsGrouping) {
	return {
		// Scorecards by delay band first, so the band is worked out once per scorecard.
		scorecards: sql<Row>`
		select subject, month, round_kind, sum(n) as scorecards, sum(rec1) as rec1, sum(rec2) as rec2,
			sum(rec3) as rec3, sum(rec4) as rec4, sum(late) as late, sum(decided) as decided,
			sum(matched) as matched, ${delayBandSums}
		from (
			select ${groupColumns(engine, 'interviewer_id', 'scheduled_at', grouping)}, ${delayBandCase} as band,
				count(*) as n,
				${scorecardCounts}
			from ${fromTable(engine, filter, 'scorecard', 'scorecard_calibration')}
			where complete = 1 and ${where(filter, 'scheduled_at')}
			group by ${groupBy(grouping)}, band
		) as banded
		group by ${outerGroupBy}
	`,
		ratings: sql<Row>`
		select ${groupColumns(engine, 'interviewer_id', 'interviewed_at', grouping)},
			${ratingCounts}
		from ${fromTable(engine, filter, 'scorecard_rating', 'scorecard_rating_calibration')}
		where complete = 1 and ${where(filter, 'interviewed_at')}
		group by ${groupBy(grouping)}
	`
	};
}

/** Per interviewer: their complete scorecards and ratings in the filter. */
export async function interviewerSums(
	db: DB,
	filter: SumsFilter,
	grouping: SumsGrouping
): Promise<Keyed<InterviewerSums>[]> {
	const queries = interviewerSumsQueries(engineOf(db), filter, grouping);
	const scorecards = await queries.scorecards.execute(db);
	const ratings = await queries.ratings.execute(db);

	const merged = new Map<string, Keyed<InterviewerSums>>();
	for (const row of [...scorecards.rows, ...ratings.rows]) {
		let entry = merged.get(key(row));
		if (!entry) {
			entry = {
				id: row.subject,
				month: Number(row.month),
				roundKind: row.roundKind,
				sums: emptySums(interviewerSumFields)
			};
			merged.set(key(row), entry);
		}
		addSums(interviewerSumFields, entry.sums, row as Record<string, number | null>);
	}
	return [...merged.values()];
}

const coincidenceSums = sql.raw(
	(
		[
			[1, 1],
			[1, 2],
			[1, 3],
			[1, 4],
			[2, 2],
			[2, 3],
			[2, 4],
			[3, 3],
			[3, 4],
			[4, 4]
		] as const
	)
		.map(
			([c, k]) =>
				`${floatTotal(`case when m >= 2 then ${c === k ? `n${c} * (n${c} - 1)` : `n${c} * n${k}`} * 1.0 / (m - 1) end`)} as o${c}${k}`
		)
		.join(', ')
);

/** The statement behind competencySums, built but not run (its SQL is snapshotted in tests). */
export function competencySumsQuery(engine: Engine, filter: SumsFilter, grouping: SumsGrouping) {
	return sql<Row>`
		select subject, month, round_kind, sum(n1) as r1, sum(n2) as r2, sum(n3) as r3, sum(n4) as r4,
			sum(not_assessed) as not_assessed, ${sql.raw(countWhen('m >= 2'))} as units,
			${sql.raw(floatTotal('case when m >= 2 then m end'))} as pairable, ${coincidenceSums}
		from (
			select ${groupColumns(engine, 'competency_id', 'interviewed_at', grouping)},
				n1, n2, n3, n4, not_assessed, n1 + n2 + n3 + n4 as m
			from rating_unit
			where ${where(filter, 'interviewed_at')}
		) as unit_counts
		group by ${outerGroupBy}
	`;
}

/**
 * Per competency, over the rating units (one per loop and competency) in the filter: units
 * with fewer than two ratings count towards the distribution but not towards agreement.
 */
export async function competencySums(
	db: DB,
	filter: SumsFilter,
	grouping: SumsGrouping
): Promise<Keyed<CompetencySums>[]> {
	const { rows } = await competencySumsQuery(engineOf(db), filter, grouping).execute(db);
	return rows.map((row) => {
		const sums = emptySums(competencySumFields);
		addSums(competencySumFields, sums, row as Record<string, number | null>);
		return { id: row.subject, month: Number(row.month), roundKind: row.roundKind, sums };
	});
}
