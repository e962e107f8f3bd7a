import { sql, type Kysely } from 'kysely';

// Loops used to copy each question's text; at a large company's scale that is gigabytes of
// the same few hundred questions. Questions get revisions like competencies do, and a loop
// round keeps the revision it was created with. Text that a loop copied before an edit
// becomes a revision of its own, so no loop's questions change.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('question_revision')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('question_id', 'integer', (c) => c.notNull().references('question.id').onDelete('cascade'))
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('probes', 'text', (c) => c.notNull())
		.addColumn('good_looks_like', 'text', (c) => c.notNull())
		.addColumn('red_flags', 'text', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('question_revision_number', ['question_id', 'revision'])
		.execute();
	await db.schema.alterTable('question').addColumn('current_revision_id', 'integer').execute();
	await sql`
		insert into question_revision (question_id, revision, prompt, probes, good_looks_like, red_flags, created_at)
		select id, 1, prompt, probes, good_looks_like, red_flags, updated_at from question
	`.execute(db);
	await sql`
		update question set current_revision_id = (select id from question_revision r where r.question_id = question.id)
	`.execute(db);

	await db.schema.alterTable('loop_round_question').addColumn('revision_id', 'integer').execute();
	await sql`
		update loop_round_question set revision_id = (
			select r.id from question_revision r
			where r.question_id = loop_round_question.question_id and r.prompt = loop_round_question.prompt
				and r.probes = loop_round_question.probes and r.good_looks_like = loop_round_question.good_looks_like
				and r.red_flags = loop_round_question.red_flags
		)
	`.execute(db);
	const edited = await db
		.selectFrom('loop_round_question')
		.select(['id', 'question_id', 'prompt', 'probes', 'good_looks_like', 'red_flags'])
		.where('revision_id', 'is', null)
		.execute();
	for (const row of edited) {
		const { next } = await db
			.selectFrom('question_revision')
			.select(sql<number>`coalesce(max(revision), 0) + 1`.as('next'))
			.where('question_id', '=', row.question_id)
			.executeTakeFirstOrThrow();
		const { id } = await db
			.insertInto('question_revision')
			.values({
				question_id: row.question_id,
				revision: next,
				prompt: row.prompt,
				probes: row.probes,
				good_looks_like: row.good_looks_like,
				red_flags: row.red_flags,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.updateTable('loop_round_question').set({ revision_id: id }).where('id', '=', row.id).execute();
	}
	for (const column of ['prompt', 'probes', 'good_looks_like', 'red_flags']) {
		await db.schema.alterTable('loop_round_question').dropColumn(column).execute();
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['prompt', 'probes', 'good_looks_like', 'red_flags']) {
		await db.schema
			.alterTable('loop_round_question')
			.addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
			.execute();
	}
	await sql`
		update loop_round_question set
			prompt = (select prompt from question_revision r where r.id = loop_round_question.revision_id),
			probes = (select probes from question_revision r where r.id = loop_round_question.revision_id),
			good_looks_like = (select good_looks_like from question_revision r where r.id = loop_round_question.revision_id),
			red_flags = (select red_flags from question_revision r where r.id = loop_round_question.revision_id)
	`.execute(db);
	await db.schema.alterTable('loop_round_question').dropColumn('revision_id').execute();
	await db.schema.alterTable('question').dropColumn('current_revision_id').execute();
	await db.schema.dropTable('question_revision').execute();
}
