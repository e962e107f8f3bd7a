import type { Kysely } from 'kysely';

// A per-person weekly interview limit (decision 030, panels): admins and recruiters set it on
// /interviewers; a panel seat that takes someone over it is flagged, never refused. No row:
// no limit, so nobody is warned until a limit is chosen.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('interviewer_load_limit')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('weekly_limit', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('user.id'))
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('interviewer_load_limit').execute();
}
