import type { Kysely } from 'kysely';

// Reminders with escalation (decision 027): each opening's reminder settings (no row: the
// defaults), and each person's notice settings (time zone and send time for working-day
// reminders; no row: the server's zone at 09:00), and the in-app notices behind the top bar's
// bell: one per person and notice, keyed so a notice is stored once.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('opening_reminder_setting')
		.addColumn('opening_id', 'integer', (c) => c.primaryKey().references('opening.id').onDelete('cascade'))
		.addColumn('enabled', 'integer', (c) => c.notNull())
		.addColumn('first_reminder_minutes', 'integer', (c) => c.notNull())
		.addColumn('escalation_hours', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('user_notice_setting')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('send_minutes', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('notice')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('href', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('read_at', 'integer')
		.execute();
	// The bell's count and the list, newest first, per person.
	await db.schema
		.createIndex('notice_user_created')
		.on('notice')
		.columns(['user_id', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notice').execute();
	await db.schema.dropTable('user_notice_setting').execute();
	await db.schema.dropTable('opening_reminder_setting').execute();
}
