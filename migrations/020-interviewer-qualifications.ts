import type { Kysely } from 'kysely';

// Who is trained for which round format (decision 030): a trainee or qualified level per
// interviewer and format, set by admins and recruiters. Lapsed is not stored: it is derived
// from the interviews a person has done in the format, so it can never go stale. And the
// role of each panel seat, so a trainee can sit on a panel without their card counting.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('interviewer_qualification')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('since', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('user.id'))
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('interviewer_qualification_pk', ['user_id', 'format'])
		.execute();
	// A seat's role: a shadow's or a reverse shadow's scorecard is practice and never counts.
	await db.schema
		.alterTable('scorecard')
		.addColumn('seat_role', 'text', (c) => c.notNull().defaultTo('interviewer'))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('scorecard').dropColumn('seat_role').execute();
	await db.schema.dropTable('interviewer_qualification').execute();
}
