import { sql, type Kysely } from 'kysely';

// What an interviewer writes. The working copy is one JSON document on the scorecard row, so
// an autosave is a single-row update checked against the version it was based on. At submit
// (and amendment) the ratings are also written as rows, the form the aggregations read, and
// every submitted version is kept whole in scorecard_submission.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('scorecard')
		.addColumn('content', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema
		.alterTable('scorecard')
		.addColumn('recommendation', 'integer', (c) => c.check(sql`recommendation between 1 and 4`))
		.execute();
	await db.schema.alterTable('scorecard').addColumn('amended_at', 'integer').execute();

	await db.schema
		.createTable('scorecard_rating')
		.addColumn('scorecard_id', 'integer', (c) => c.notNull().references('scorecard.id').onDelete('cascade'))
		.addColumn('loop_id', 'integer', (c) => c.notNull().references('loop.id').onDelete('cascade'))
		.addColumn('interviewer_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('revision_id', 'integer', (c) => c.notNull().references('competency_revision.id'))
		.addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 4`))
		.addColumn('submitted_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('scorecard_rating_pk', ['scorecard_id', 'competency_id'])
		.execute();
	await db.schema
		.createIndex('scorecard_rating_loop')
		.on('scorecard_rating')
		.columns(['loop_id', 'competency_id'])
		.execute();

	await db.schema
		.createTable('scorecard_submission')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('scorecard_id', 'integer', (c) => c.notNull().references('scorecard.id').onDelete('cascade'))
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('reason', 'text')
		.addColumn('submitted_by', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('submitted_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('scorecard_submission_scorecard')
		.on('scorecard_submission')
		.columns(['scorecard_id', 'submitted_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('scorecard_submission').execute();
	await db.schema.dropTable('scorecard_rating').execute();
	await db.schema.alterTable('scorecard').dropColumn('amended_at').execute();
	await db.schema.alterTable('scorecard').dropColumn('recommendation').execute();
	await db.schema.alterTable('scorecard').dropColumn('content').execute();
}
