import type { Kysely } from 'kysely';

// A passed calibration exercise as a step of a training path (issue 19, decisions 030 and
// 031): per format, yes or no. Existing paths keep their steps, so the default is no.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('training_path')
		.addColumn('exercise_required', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('training_path').dropColumn('exercise_required').execute();
}
