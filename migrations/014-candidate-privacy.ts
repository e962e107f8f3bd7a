import type { Kysely } from 'kysely';

// A candidate's privacy (decision 024): when they were anonymised (their personal data and
// every free text about them replaced, the numbers kept), and a legal hold that stops it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('candidate').addColumn('anonymised_at', 'integer').execute();
	await db.schema.alterTable('candidate').addColumn('legal_hold_reason', 'text').execute();
	await db.schema.alterTable('candidate').addColumn('legal_hold_at', 'integer').execute();
	await db.schema
		.alterTable('candidate')
		.addColumn('legal_hold_by', 'integer', (c) => c.references('user.id'))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['legal_hold_by', 'legal_hold_at', 'legal_hold_reason', 'anonymised_at'])
		await db.schema.alterTable('candidate').dropColumn(column).execute();
}
