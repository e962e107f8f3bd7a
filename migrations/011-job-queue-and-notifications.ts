import type { Kysely } from 'kysely';

// The durable job queue (decision 020): every piece of outbound work (a mail, a webhook, a
// reminder) is a row written in the same transaction as the change that causes it, claimed by
// a worker under a lease, retried with backoff and left `dead` after too many attempts.
// `job_delivery` records, by the job's idempotency key, that the work reached its receiver,
// so a job run again after a crash does not deliver twice.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('run_at', 'integer', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addColumn('finished_at', 'integer')
		.execute();
	// The worker's one question: what is due (queued by run_at, running by lease end).
	await db.schema.createIndex('job_state_run_at').on('job').columns(['state', 'run_at']).execute();
	await db.schema
		.createTable('job_delivery')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('job_id', 'integer', (c) => c.notNull())
		.addColumn('detail', 'text')
		.addColumn('delivered_at', 'integer', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job_delivery').execute();
	await db.schema.dropTable('job').execute();
}
