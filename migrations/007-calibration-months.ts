import { sql, type Kysely } from 'kysely';

// Monthly totals for the calibration page (see src/lib/domain/calibration-sums.ts): with a
// million scorecards, a year of raw ratings is too many rows to sum per request, while a
// year of monthly totals per interviewer is a few thousand. Each scorecard also carries its
// submission delay and its loop's outcome, so the part-months are summed without joins.
// The totals are filled by the app (calibration-upkeep.ts), which owns their definitions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('scorecard').addColumn('delay_hours', 'real').execute();
	await db.schema.alterTable('scorecard').addColumn('loop_outcome', 'text').execute();
	await sql`
		update scorecard set
			delay_hours = case when submitted_at is null then null else (submitted_at - scheduled_at - 60000 *
				(select duration_minutes from loop_round where loop_round.id = scorecard.round_id)) / 3600000.0 end,
			loop_outcome = (select outcome from loop where loop.id = scorecard.loop_id)
	`.execute(db);

	await sql`drop index scorecard_calibration`.execute(db);
	await sql`
		create index scorecard_calibration on scorecard
			(scheduled_at, opening_id, round_kind, interviewer_id, recommendation, delay_hours, loop_outcome)
			where complete = 1
	`.execute(db);
	// Competency first: the page groups by competency, and a month of one competency is what
	// upkeep recomputes when a loop completes.
	await sql`drop index rating_unit_calibration`.execute(db);
	await sql`
		create index rating_unit_calibration on rating_unit
			(competency_id, interviewed_at, opening_id, round_kind, n1, n2, n3, n4, not_assessed)
	`.execute(db);

	const delayColumns = Array.from({ length: 16 }, (_, band) => `d${band}`);
	let interviewerMonth = db.schema
		.createTable('calibration_interviewer_month')
		.addColumn('month', 'integer', (c) => c.notNull())
		.addColumn('interviewer_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('round_kind', 'text', (c) => c.notNull());
	for (const column of [
		'scorecards',
		'rec1',
		'rec2',
		'rec3',
		'rec4',
		'late',
		'decided',
		'matched',
		...delayColumns,
		'ratings',
		'not_assessed',
		'r1',
		'r2',
		'r3',
		'r4'
	]) {
		interviewerMonth = interviewerMonth.addColumn(column, 'integer', (c) => c.notNull());
	}
	for (const column of ['sum_rating', 'n_d', 'sum_d', 'sum_d2']) {
		interviewerMonth = interviewerMonth.addColumn(column, 'real', (c) => c.notNull());
	}
	await interviewerMonth
		.addPrimaryKeyConstraint('calibration_interviewer_month_pk', ['month', 'round_kind', 'interviewer_id'])
		.modifyEnd(sql`without rowid`)
		.execute();

	let competencyMonth = db.schema
		.createTable('calibration_competency_month')
		.addColumn('month', 'integer', (c) => c.notNull())
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('round_kind', 'text', (c) => c.notNull());
	for (const column of ['r1', 'r2', 'r3', 'r4', 'not_assessed', 'units', 'pairable']) {
		competencyMonth = competencyMonth.addColumn(column, 'integer', (c) => c.notNull());
	}
	for (const column of ['o11', 'o12', 'o13', 'o14', 'o22', 'o23', 'o24', 'o33', 'o34', 'o44']) {
		competencyMonth = competencyMonth.addColumn(column, 'real', (c) => c.notNull());
	}
	await competencyMonth
		.addPrimaryKeyConstraint('calibration_competency_month_pk', ['month', 'round_kind', 'competency_id'])
		.modifyEnd(sql`without rowid`)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calibration_competency_month').execute();
	await db.schema.dropTable('calibration_interviewer_month').execute();
	await sql`delete from meta where key = 'calibration_months_built_at'`.execute(db);
	await sql`drop index rating_unit_calibration`.execute(db);
	await sql`
		create index rating_unit_calibration on rating_unit
			(interviewed_at, opening_id, round_kind, competency_id, n1, n2, n3, n4, not_assessed)
	`.execute(db);
	await sql`drop index scorecard_calibration`.execute(db);
	await sql`
		create index scorecard_calibration on scorecard
			(scheduled_at, opening_id, round_kind, interviewer_id, recommendation, submitted_at, loop_id)
			where complete = 1
	`.execute(db);
	await db.schema.alterTable('scorecard').dropColumn('loop_outcome').execute();
	await db.schema.alterTable('scorecard').dropColumn('delay_hours').execute();
}
