import type { Kysely } from 'kysely';

// Webhook endpoints with their signing secrets, the messages sent to them and every delivery
// attempt, and each interviewer's secret calendar feed (decision 022).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('webhook_endpoint')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('url', 'text', (c) => c.notNull())
		// A JSON array of event types.
		.addColumn('events', 'text', (c) => c.notNull())
		// Signing needs the secret itself, so it is kept as given (whsec_…), unlike passwords.
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('previous_secret', 'text')
		.addColumn('previous_secret_until', 'integer')
		.addColumn('created_by', 'integer', (c) => c.references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('deleted_at', 'integer')
		.execute();

	await db.schema
		.createTable('webhook_message')
		// The webhook-id (msg_…): the same on every attempt, so receivers can drop repeats.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('endpoint_id', 'integer', (c) =>
			c.notNull().references('webhook_endpoint.id').onDelete('cascade')
		)
		.addColumn('event_type', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('delivered_at', 'integer')
		.execute();
	await db.schema
		.createIndex('webhook_message_endpoint')
		.on('webhook_message')
		.columns(['endpoint_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('webhook_delivery')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('message_id', 'text', (c) => c.notNull().references('webhook_message.id').onDelete('cascade'))
		.addColumn('attempt', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('response_code', 'integer')
		.addColumn('duration_ms', 'integer', (c) => c.notNull())
		.addColumn('error', 'text')
		.addColumn('manual', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('attempted_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('webhook_delivery_message')
		.on('webhook_delivery')
		.columns(['message_id', 'attempt'])
		.execute();

	await db.schema
		.createTable('calendar_feed')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('token_id', 'text', (c) => c.notNull().unique())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();

	// What each seat's last invitation said, to number the next one (SEQUENCE) and to cancel
	// it after the seat itself is gone. Not tied to the scorecard row: removal deletes that.
	await db.schema
		.createTable('calendar_invitation')
		.addColumn('scorecard_id', 'integer', (c) => c.primaryKey())
		.addColumn('loop_id', 'integer', (c) => c.notNull().references('loop.id').onDelete('cascade'))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('loop_round.id').onDelete('cascade'))
		.addColumn('interviewer_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('starts_at', 'integer', (c) => c.notNull())
		.addColumn('ends_at', 'integer', (c) => c.notNull())
		.addColumn('cancelled_at', 'integer')
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('calendar_invitation_loop')
		.on('calendar_invitation')
		.column('loop_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'calendar_invitation',
		'calendar_feed',
		'webhook_delivery',
		'webhook_message',
		'webhook_endpoint'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
