import type { Kysely } from 'kysely';

// Two-factor sign-in (decision 023). A user's TOTP key, kept while they enrol (enabled_at
// null) and once they have confirmed it; last_used_step is the RFC 6238 time step of the
// last code accepted, so a code is good once. Recovery codes are kept as SHA-256 hashes and
// spent by setting used_at.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('user_totp')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('key', 'blob', (c) => c.notNull())
		.addColumn('last_used_step', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('enabled_at', 'integer')
		.execute();
	await db.schema
		.createTable('recovery_code')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('code_hash', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('used_at', 'integer')
		.addPrimaryKeyConstraint('recovery_code_pk', ['user_id', 'code_hash'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('recovery_code').execute();
	await db.schema.dropTable('user_totp').execute();
}
