import { sql, type Kysely } from 'kysely';

// Frozen once landed: later changes go in a new migration.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('user')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'recruiter', 'interviewer')`))
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('deactivated_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('last_verified_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_user_id').on('session').column('user_id').execute();

	await db.schema
		.createTable('api_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('last_used_at', 'integer')
		.addColumn('revoked_at', 'integer')
		.execute();
	await db.schema.createIndex('api_token_user_id').on('api_token').column('user_id').execute();

	await db.schema
		.createTable('invite')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'recruiter', 'interviewer')`))
		.addColumn('invited_by', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer', (c) => c.notNull())
		.addColumn('accepted_at', 'integer')
		.addColumn('accepted_user_id', 'integer', (c) => c.references('user.id'))
		.addColumn('revoked_at', 'integer')
		.execute();
	await db.schema.createIndex('invite_email').on('invite').column('email').execute();

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('actor_user_id', 'integer', (c) => c.references('user.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.addColumn('at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_event_entity')
		.on('audit_event')
		.columns(['entity_type', 'entity_id', 'at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['audit_event', 'invite', 'api_token', 'session', 'user']) {
		await db.schema.dropTable(table).execute();
	}
}
