import type { Kysely } from 'kysely';

// A password reset asked for by mail (decision 021): single use, an hour long, only a hash of
// its secret kept. Its own migration: 011 (the job queue) had already landed when it came.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('password_reset')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer', (c) => c.notNull())
		.addColumn('used_at', 'integer')
		.execute();
	await db.schema.createIndex('password_reset_user').on('password_reset').column('user_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('password_reset').execute();
}
