import type { Kysely } from 'kysely';

// A candidate's résumé (one PDF, replaced whole: decision 019) and an opening's description,
// both shown in the interview kit. `content` holds the PDF when résumés are kept in the
// database, and is null when they are kept in a folder (RESUME_DIR), where the file is named
// by `stored_name`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('candidate_resume')
		.addColumn('candidate_id', 'integer', (c) =>
			c.primaryKey().references('candidate.id').onDelete('cascade')
		)
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', 'blob')
		.addColumn('stored_name', 'text')
		.addColumn('uploaded_by', 'integer', (c) => c.references('user.id'))
		.addColumn('uploaded_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.alterTable('opening')
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('opening').dropColumn('description').execute();
	await db.schema.dropTable('candidate_resume').execute();
}
