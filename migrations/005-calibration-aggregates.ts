import { sql, type Kysely } from 'kysely';

// What calibration reads, kept up to date at the moments it changes instead of recomputed
// per request over millions of rows:
// - a loop is "complete" once its whole panel has submitted; calibration counts complete
//   loops only, so no aggregate can show anyone feedback the independence rule still hides;
// - each rating row carries its interview time, opening, round kind, the loop's completeness
//   and the mean of the other panelists' ratings of the same competency (for leniency);
// - rating_unit holds, per loop and competency, how many gave each rating (for alpha).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('loop').addColumn('completed_at', 'integer').execute();
	await db.schema
		.alterTable('loop')
		.addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('hire', 'no_hire', 'hold')`))
		.execute();
	await sql`
		update loop set outcome = (
			select outcome from loop_decision d where d.loop_id = loop.id order by decided_at desc, id desc limit 1
		)
	`.execute(db);

	await db.schema.alterTable('scorecard').addColumn('opening_id', 'integer').execute();
	await db.schema.alterTable('scorecard').addColumn('round_kind', 'text').execute();
	await db.schema
		.alterTable('scorecard')
		.addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await sql`
		update scorecard set
			opening_id = (select opening_id from loop where loop.id = scorecard.loop_id),
			round_kind = (select kind from loop_round where loop_round.id = scorecard.round_id)
	`.execute(db);

	for (const [name, type] of [
		['interviewed_at', 'integer'],
		['opening_id', 'integer'],
		['round_kind', 'text'],
		['others_mean', 'real']
	] as const) {
		await db.schema.alterTable('scorecard_rating').addColumn(name, type).execute();
	}
	await db.schema
		.alterTable('scorecard_rating')
		.addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await sql`
		update scorecard_rating set
			interviewed_at = (select scheduled_at from scorecard where scorecard.id = scorecard_rating.scorecard_id),
			opening_id = (select opening_id from scorecard where scorecard.id = scorecard_rating.scorecard_id),
			round_kind = (select round_kind from scorecard where scorecard.id = scorecard_rating.scorecard_id)
	`.execute(db);

	await db.schema
		.createTable('rating_unit')
		.addColumn('loop_id', 'integer', (c) => c.notNull().references('loop.id').onDelete('cascade'))
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('opening_id', 'integer', (c) => c.notNull())
		.addColumn('round_kind', 'text', (c) => c.notNull())
		.addColumn('interviewed_at', 'integer', (c) => c.notNull())
		.addColumn('n1', 'integer', (c) => c.notNull())
		.addColumn('n2', 'integer', (c) => c.notNull())
		.addColumn('n3', 'integer', (c) => c.notNull())
		.addColumn('n4', 'integer', (c) => c.notNull())
		.addColumn('not_assessed', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rating_unit_pk', ['loop_id', 'competency_id'])
		.execute();

	// Covering indexes for the calibration page's scans over a date range.
	await sql`
		create index scorecard_rating_calibration on scorecard_rating
			(interviewed_at, opening_id, round_kind, interviewer_id, competency_id, rating, others_mean)
			where complete = 1
	`.execute(db);
	await sql`
		create index scorecard_rating_interviewer_trend on scorecard_rating
			(interviewer_id, interviewed_at, rating, others_mean) where complete = 1
	`.execute(db);
	await sql`
		create index rating_unit_calibration on rating_unit
			(interviewed_at, opening_id, round_kind, competency_id, n1, n2, n3, n4, not_assessed)
	`.execute(db);
	await sql`
		create index scorecard_calibration on scorecard
			(scheduled_at, opening_id, round_kind, interviewer_id, recommendation, submitted_at, loop_id)
			where complete = 1
	`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index scorecard_calibration`.execute(db);
	await db.schema.dropTable('rating_unit').execute();
	await sql`drop index scorecard_rating_interviewer_trend`.execute(db);
	await sql`drop index scorecard_rating_calibration`.execute(db);
	for (const column of ['complete', 'others_mean', 'round_kind', 'opening_id', 'interviewed_at']) {
		await db.schema.alterTable('scorecard_rating').dropColumn(column).execute();
	}
	for (const column of ['complete', 'round_kind', 'opening_id']) {
		await db.schema.alterTable('scorecard').dropColumn(column).execute();
	}
	await db.schema.alterTable('loop').dropColumn('outcome').execute();
	await db.schema.alterTable('loop').dropColumn('completed_at').execute();
}
