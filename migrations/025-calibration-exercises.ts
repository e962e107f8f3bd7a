import type { Kysely } from 'kysely';

// Calibration exercises (decision 031): a practice case with reference ratings that
// interviewers rate blind. Everything lives in tables of its own, so no aggregate, export or
// statistic of real candidates can ever read an exercise rating.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('calibration_exercise')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('transcript', 'text', (c) => c.notNull())
		// The pass threshold in hundredths of a rating point: ratings stay integers.
		.addColumn('pass_distance', 'integer', (c) => c.notNull())
		// Open to every interviewer, or only to those it is assigned to.
		.addColumn('is_open', 'integer', (c) => c.notNull())
		.addColumn('archived_at', 'integer')
		.addColumn('created_by', 'integer', (c) => c.references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('calibration_exercise_competency')
		.addColumn('exercise_id', 'integer', (c) =>
			c.notNull().references('calibration_exercise.id').onDelete('cascade')
		)
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('revision_id', 'integer', (c) => c.notNull().references('competency_revision.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('reference_rating', 'integer', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('calibration_exercise_competency_pk', ['exercise_id', 'competency_id'])
		.execute();
	// One attempt per person and exercise, written when they submit: a second try after seeing
	// the reference would measure memory, not calibration.
	await db.schema
		.createTable('calibration_exercise_attempt')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('exercise_id', 'integer', (c) => c.notNull().references('calibration_exercise.id'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('submitted_at', 'integer', (c) => c.notNull())
		// Distance = total_difference / competency_count, kept as integers so it is exact.
		.addColumn('total_difference', 'integer', (c) => c.notNull())
		.addColumn('competency_count', 'integer', (c) => c.notNull())
		.addColumn('passed', 'integer', (c) => c.notNull())
		.addUniqueConstraint('calibration_exercise_attempt_once', ['exercise_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('calibration_exercise_attempt_user')
		.on('calibration_exercise_attempt')
		.columns(['user_id', 'submitted_at'])
		.execute();
	// The reference as it stood when the attempt was submitted: a later edit of the exercise
	// never rewrites a result.
	await db.schema
		.createTable('calibration_exercise_rating')
		.addColumn('attempt_id', 'integer', (c) =>
			c.notNull().references('calibration_exercise_attempt.id').onDelete('cascade')
		)
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('revision_id', 'integer', (c) => c.notNull().references('competency_revision.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('rating', 'integer', (c) => c.notNull())
		.addColumn('evidence', 'text', (c) => c.notNull())
		.addColumn('reference_rating', 'integer', (c) => c.notNull())
		.addColumn('reference_reason', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('calibration_exercise_rating_pk', ['attempt_id', 'competency_id'])
		.execute();
	await db.schema
		.createTable('calibration_exercise_assignment')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('exercise_id', 'integer', (c) => c.notNull().references('calibration_exercise.id'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('assigned_by', 'integer', (c) => c.references('user.id'))
		.addColumn('assigned_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('calibration_exercise_assignment_once', ['exercise_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('calibration_exercise_assignment_user')
		.on('calibration_exercise_assignment')
		.columns(['user_id', 'assigned_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calibration_exercise_assignment').execute();
	await db.schema.dropTable('calibration_exercise_rating').execute();
	await db.schema.dropTable('calibration_exercise_attempt').execute();
	await db.schema.dropTable('calibration_exercise_competency').execute();
	await db.schema.dropTable('calibration_exercise').execute();
}
