import { sql } from 'kysely';
import { monthStart, nextMonthStart } from '../../domain/calibration-sums';
import type { CompetencyKind } from '../../domain/library';
import { loopCompletion, othersMeans, ratingUnits } from '../../domain/loop-figures';
import { competencySums, interviewerSums, monthOf } from './calibration-sums';
import { engineOf } from '../platform/engine/engine-of';
import type { DB } from '../platform/db';
import { insertRows } from '../platform/insert-rows';

// Keeps calibration's precomputed figures true (see migration 005): called in the same
// transaction as anything that changes whether a loop is complete, what its ratings are or
// how it was decided (submit, amend, panel changes, cancellation, decisions). A loop has a
// handful of rows, and the monthly totals it touches are recounted from a month of one
// interviewer or competency, so this stays cheap however large the history grows.

/** Recomputes a loop's completeness, its ratings' leniency deviations and its rating units. */
export async function refreshLoopCalibration(db: DB, loopId: number): Promise<void> {
	const before = await monthKeys(db, loopId);
	await refreshLoopRows(db, loopId);
	const after = await monthKeys(db, loopId);
	await refreshMonths(db, {
		interviewers: [...before.interviewers, ...after.interviewers],
		competencies: [...before.competencies, ...after.competencies]
	});
}

/**
 * The loop's own rows only, without the monthly totals: for work on many loops at once (an
 * import) that recounts every month afterwards with rebuildCalibrationMonths.
 */
export async function refreshLoopRows(db: DB, loopId: number): Promise<void> {
	const [loop, cards] = await Promise.all([
		db.selectFrom('loop').select(['cancelledAt']).where('id', '=', loopId).executeTakeFirstOrThrow(),
		db
			.selectFrom('scorecard')
			.select(['status', 'submittedAt'])
			.where('loopId', '=', loopId)
			// Practice seats neither hold a loop back nor complete it (decision 030).
			.where('seatRole', '=', 'interviewer')
			.execute()
	]);
	const { complete, completedAt } = loopCompletion(loop.cancelledAt, cards);
	await db.updateTable('loop').set({ completedAt }).where('id', '=', loopId).execute();
	await db
		.updateTable('scorecard')
		.set((eb) => ({
			complete: complete ? eb.case().when('seatRole', '=', 'interviewer').then(1).else(0).end() : 0
		}))
		.where('loopId', '=', loopId)
		.execute();
	await refreshCardFigures(db, [loopId]);
	await db.deleteFrom('ratingUnit').where('loopId', '=', loopId).execute();
	if (!complete) {
		await db
			.updateTable('scorecardRating')
			.set({ complete: 0, othersMean: null })
			.where('loopId', '=', loopId)
			.execute();
		return;
	}

	const ratings = await db
		.selectFrom('scorecardRating')
		.select([
			'scorecardId',
			'interviewerId',
			'competencyId',
			'rating',
			'interviewedAt',
			'openingId',
			'roundKind'
		])
		.where('loopId', '=', loopId)
		// A unit takes its round kind from its first rating: first by scorecard, on both
		// engines alike (unordered, PostgreSQL answers in the order rows were last written).
		.orderBy('scorecardId')
		.orderBy('competencyId')
		.execute();
	const means = othersMeans(ratings);
	for (const [i, row] of ratings.entries()) {
		await db
			.updateTable('scorecardRating')
			.set({ complete: 1, othersMean: means[i] })
			.where('scorecardId', '=', row.scorecardId)
			.where('competencyId', '=', row.competencyId)
			.execute();
	}
	for (const unit of ratingUnits(ratings))
		await db
			.insertInto('ratingUnit')
			.values({ loopId, ...unit })
			.execute();
}

/**
 * Copies onto the loops' scorecards what calibration reads from them directly: the loop's
 * outcome and each submission's delay after the end of the interview. One statement for any
 * number of loops. The delay is a double's division on both engines (PostgreSQL divides by
 * `3600000.0` as numeric, a few in a hundred a last digit apart), as the import works it out.
 */
export async function refreshCardFigures(db: DB, loopIds: number[]): Promise<void> {
	if (!loopIds.length) return;
	await sql`
		update scorecard set
			loop_outcome = (select outcome from loop where loop.id = scorecard.loop_id),
			delay_hours = case when submitted_at is null then null else cast(submitted_at - scheduled_at - 60000 *
				(select duration_minutes from loop_round where loop_round.id = scorecard.round_id) as double precision) / 3600000 end
		where loop_id in (${sql.join(loopIds)})
	`.execute(db);
}

interface MonthKey {
	subject: number;
	month: number;
	roundKind: CompetencyKind;
}

/** The monthly totals a loop counts towards now (none unless it is complete). */
async function monthKeys(db: DB, loopId: number) {
	const [interviewers, competencies] = await Promise.all([
		sql<MonthKey>`
			select distinct interviewer_id as subject, ${monthOf(engineOf(db), 'scheduled_at')} as month, round_kind
			from scorecard where loop_id = ${loopId} and complete = 1
		`.execute(db),
		sql<MonthKey>`
			select distinct competency_id as subject, ${monthOf(engineOf(db), 'interviewed_at')} as month, round_kind
			from rating_unit where loop_id = ${loopId}
		`.execute(db)
	]);
	return { interviewers: interviewers.rows, competencies: competencies.rows };
}

const distinctKeys = (keys: MonthKey[]) => [
	...new Map(keys.map((k) => [`${k.subject}|${k.month}|${k.roundKind}`, k])).values()
];

/** Recounts the given monthly totals from the rows (a total with nothing left is removed). */
async function refreshMonths(db: DB, keys: { interviewers: MonthKey[]; competencies: MonthKey[] }) {
	for (const k of distinctKeys(keys.interviewers)) {
		const [row] = await interviewerSums(db, { ...monthRange(k), interviewerId: k.subject }, 'month');
		const key = { month: k.month, roundKind: k.roundKind, interviewerId: k.subject };
		await db
			.deleteFrom('calibrationInterviewerMonth')
			.where((eb) => eb.and(key))
			.execute();
		if (row)
			await db
				.insertInto('calibrationInterviewerMonth')
				.values({ ...key, ...row.sums })
				.execute();
	}
	for (const k of distinctKeys(keys.competencies)) {
		const [row] = await competencySums(db, { ...monthRange(k), competencyId: k.subject }, 'month');
		const key = { month: k.month, roundKind: k.roundKind, competencyId: k.subject };
		await db
			.deleteFrom('calibrationCompetencyMonth')
			.where((eb) => eb.and(key))
			.execute();
		if (row)
			await db
				.insertInto('calibrationCompetencyMonth')
				.values({ ...key, ...row.sums })
				.execute();
	}
}

/** The filter for the month starting at `month`. */
const wholeMonth = (month: number) => ({ from: month, to: nextMonthStart(month) - 1 });

/** The filter for one month of one round kind. */
const monthRange = (k: MonthKey) => ({ ...wholeMonth(k.month), kind: k.roundKind });

/**
 * Recounts every monthly total from the rows (for databases from before them, after an
 * import, and in checks). A month at a time: the totals of a whole large organisation held
 * at once (a row per interviewer, month and round kind) were more than an import's bounded
 * heap (decision 032); a month's are a few thousand rows.
 */
export async function rebuildCalibrationMonths(db: DB): Promise<void> {
	await db.deleteFrom('calibrationInterviewerMonth').execute();
	await db.deleteFrom('calibrationCompetencyMonth').execute();
	const span = await countedSpan(db);
	if (!span) return;
	for (let month = monthStart(span.first); month <= span.last; month = nextMonthStart(month)) {
		const [interviewers, competencies] = await Promise.all([
			interviewerSums(db, wholeMonth(month), 'month'),
			competencySums(db, wholeMonth(month), 'month')
		]);
		await insertRows(
			db,
			'calibrationInterviewerMonth',
			interviewers.map((r) => ({ month: r.month, roundKind: r.roundKind, interviewerId: r.id, ...r.sums }))
		);
		await insertRows(
			db,
			'calibrationCompetencyMonth',
			competencies.map((r) => ({ month: r.month, roundKind: r.roundKind, competencyId: r.id, ...r.sums }))
		);
	}
}

/** The first and last moments the monthly totals count rows at, if any. */
async function countedSpan(db: DB): Promise<{ first: number; last: number } | undefined> {
	const spans = await Promise.all([
		db
			.selectFrom('scorecard')
			.where('complete', '=', 1)
			.select((eb) => [eb.fn.min('scheduledAt').as('first'), eb.fn.max('scheduledAt').as('last')])
			.executeTakeFirst(),
		db
			.selectFrom('scorecardRating')
			.where('complete', '=', 1)
			.select((eb) => [eb.fn.min('interviewedAt').as('first'), eb.fn.max('interviewedAt').as('last')])
			.executeTakeFirst(),
		db
			.selectFrom('ratingUnit')
			.select((eb) => [eb.fn.min('interviewedAt').as('first'), eb.fn.max('interviewedAt').as('last')])
			.executeTakeFirst()
	]);
	const times = spans
		.flatMap((span) => [span?.first, span?.last])
		.filter((t) => t !== null && t !== undefined)
		.map(Number);
	return times.length ? { first: Math.min(...times), last: Math.max(...times) } : undefined;
}

const monthsBuiltKey = 'calibration_months_built_at';

/** Counts the monthly totals once, for databases that had complete loops before them. */
export async function buildCalibrationMonths(db: DB, now = Date.now()): Promise<boolean> {
	const built = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', monthsBuiltKey)
		.executeTakeFirst();
	if (built) return false;
	await db.transaction().execute(async (trx) => {
		await rebuildCalibrationMonths(trx);
		await trx
			.insertInto('meta')
			.values({ key: monthsBuiltKey, value: String(now) })
			.execute();
	});
	return true;
}

const rebuiltKey = 'calibration_aggregates_built_at';

/** Builds the aggregates for every loop once, for databases that had loops before them. */
export async function buildCalibrationAggregates(db: DB, now = Date.now()): Promise<boolean> {
	const built = await db.selectFrom('meta').select('value').where('key', '=', rebuiltKey).executeTakeFirst();
	if (built) return false;
	await db.transaction().execute(async (trx) => {
		const loops = await trx.selectFrom('loop').select('id').execute();
		for (const { id } of loops) await refreshLoopCalibration(trx, id);
		await trx
			.insertInto('meta')
			.values({ key: rebuiltKey, value: String(now) })
			.execute();
	});
	return true;
}
