import type { Kysely } from 'kysely';

// Training paths (decision 030): per round format, how many shadow and reverse-shadow
// interviews a trainee does before a qualified interviewer or hiring staff signs them off.
// A format without a row uses the defaults. Progress is not stored: it is counted from the
// trainee's practice seats, so it cannot drift from the loops.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('training_path')
		.addColumn('format', 'text', (c) => c.primaryKey())
		.addColumn('shadow_count', 'integer', (c) => c.notNull())
		.addColumn('reverse_shadow_count', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('user.id'))
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('training_path').execute();
}
