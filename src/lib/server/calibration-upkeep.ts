import type { DB } from './db';

// Keeps calibration's precomputed figures true (see migration 005): called in the same
// transaction as anything that changes whether a loop is complete or what its ratings are
// (submit, amend, panel changes, cancellation). A loop has a handful of rows, so this is
// cheap, and the calibration page never has to derive it from millions.

/** Recomputes a loop's completeness, its ratings' leniency deviations and its rating units. */
export async function refreshLoopCalibration(db: DB, loopId: number): Promise<void> {
	const [loop, cards] = await Promise.all([
		db.selectFrom('loop').select(['cancelledAt']).where('id', '=', loopId).executeTakeFirstOrThrow(),
		db.selectFrom('scorecard').select(['status', 'submittedAt']).where('loopId', '=', loopId).execute()
	]);
	const complete =
		loop.cancelledAt === null && cards.length > 0 && cards.every((c) => c.status === 'submitted');
	const completedAt = complete ? Math.max(...cards.map((c) => c.submittedAt ?? 0)) : null;
	await db.updateTable('loop').set({ completedAt }).where('id', '=', loopId).execute();
	await db
		.updateTable('scorecard')
		.set({ complete: complete ? 1 : 0 })
		.where('loopId', '=', loopId)
		.execute();
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
		.execute();
	for (const row of ratings) {
		const others = ratings
			.filter(
				(o) =>
					o.competencyId === row.competencyId && o.interviewerId !== row.interviewerId && o.rating !== null
			)
			.map((o) => o.rating!);
		const othersMean =
			row.rating !== null && others.length ? others.reduce((a, b) => a + b, 0) / others.length : null;
		await db
			.updateTable('scorecardRating')
			.set({ complete: 1, othersMean })
			.where('scorecardId', '=', row.scorecardId)
			.where('competencyId', '=', row.competencyId)
			.execute();
	}

	const units = new Map<number, typeof ratings>();
	for (const row of ratings) units.set(row.competencyId, [...(units.get(row.competencyId) ?? []), row]);
	for (const [competencyId, rows] of units) {
		const count = (value: number) => rows.filter((r) => r.rating === value).length;
		await db
			.insertInto('ratingUnit')
			.values({
				loopId,
				competencyId,
				openingId: rows[0]!.openingId,
				roundKind: rows[0]!.roundKind,
				interviewedAt: Math.min(...rows.map((r) => r.interviewedAt)),
				n1: count(1),
				n2: count(2),
				n3: count(3),
				n4: count(4),
				notAssessed: rows.filter((r) => r.rating === null).length
			})
			.execute();
	}
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
