import type { Kysely } from 'kysely';

// Candidates' self-identified demographic answers for adverse impact monitoring (decision
// 025). A table of their own, so no page that loads candidates, loops or scorecards reaches
// them by a join; one row per candidate and category, deleted when the candidate is
// anonymised or deleted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('demographic_answer')
		.addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('answer', 'text', (c) => c.notNull())
		.addColumn('answered_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('demographic_answer_pk', ['candidate_id', 'category'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('demographic_answer').execute();
}
