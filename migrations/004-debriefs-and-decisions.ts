import { sql, type Kysely } from 'kysely';

// The debrief of a loop (notes per agenda item, who attended) and its decisions. Decisions
// are appended, never updated: a change is a new row with its reason, the latest is current.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('debrief')
		.addColumn('loop_id', 'integer', (c) => c.primaryKey().references('loop.id').onDelete('cascade'))
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('attendee_ids', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('updated_by', 'integer', (c) => c.references('user.id'))
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('loop_decision')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('loop_id', 'integer', (c) => c.notNull().references('loop.id').onDelete('cascade'))
		.addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('hire', 'no_hire', 'hold')`))
		.addColumn('rationale', 'text', (c) => c.notNull())
		.addColumn('dissent', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('attendees', 'text', (c) => c.notNull())
		.addColumn('change_reason', 'text')
		.addColumn('decided_by', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('decided_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('loop_decision_loop')
		.on('loop_decision')
		.columns(['loop_id', 'decided_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('loop_decision').execute();
	await db.schema.dropTable('debrief').execute();
}
