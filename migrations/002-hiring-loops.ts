import { sql, type Kysely } from 'kysely';
import { createCaseInsensitiveUniqueIndex } from './support/engine';

// Competency library, question bank, loop templates, openings, candidates, loops and
// panel assignments (one scorecard row per interviewer per loop round).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	const kindCheck = sql`kind in ('technical', 'leadership')`;

	await db.schema
		.createTable('meta')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('competency')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(kindCheck))
		.addColumn('current_revision_id', 'integer')
		.addColumn('archived_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await createCaseInsensitiveUniqueIndex(db, 'competency_name', 'competency', 'name');

	await db.schema
		.createTable('competency_revision')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id').onDelete('cascade'))
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('anchor1', 'text', (c) => c.notNull())
		.addColumn('anchor2', 'text', (c) => c.notNull())
		.addColumn('anchor3', 'text', (c) => c.notNull())
		.addColumn('anchor4', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('competency_revision_number', ['competency_id', 'revision'])
		.execute();

	await db.schema
		.createTable('question')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('probes', 'text', (c) => c.notNull())
		.addColumn('good_looks_like', 'text', (c) => c.notNull())
		.addColumn('red_flags', 'text', (c) => c.notNull())
		.addColumn('archived_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('question_competency')
		.addColumn('question_id', 'integer', (c) => c.notNull().references('question.id').onDelete('cascade'))
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('question_competency_pk', ['question_id', 'competency_id'])
		.execute();
	await db.schema
		.createIndex('question_competency_competency')
		.on('question_competency')
		.column('competency_id')
		.execute();

	await db.schema
		.createTable('loop_template')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('visibility_mode', 'text', (c) =>
			c.notNull().check(sql`visibility_mode in ('after_own', 'after_all')`)
		)
		.addColumn('evidence_rule', 'text', (c) =>
			c
				.notNull()
				.defaultTo('required')
				.check(sql`evidence_rule in ('required', 'recommended')`)
		)
		.addColumn('archived_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await createCaseInsensitiveUniqueIndex(db, 'loop_template_name', 'loop_template', 'name');

	await db.schema
		.createTable('template_round')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('template_id', 'integer', (c) =>
			c.notNull().references('loop_template.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(kindCheck))
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('template_round_template')
		.on('template_round')
		.columns(['template_id', 'position'])
		.execute();

	await db.schema
		.createTable('template_round_competency')
		.addColumn('round_id', 'integer', (c) => c.notNull().references('template_round.id').onDelete('cascade'))
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('template_round_competency_pk', ['round_id', 'competency_id'])
		.execute();
	await db.schema
		.createIndex('template_round_competency_competency')
		.on('template_round_competency')
		.column('competency_id')
		.execute();

	await db.schema
		.createTable('template_round_question')
		.addColumn('round_id', 'integer', (c) => c.notNull().references('template_round.id').onDelete('cascade'))
		.addColumn('question_id', 'integer', (c) => c.notNull().references('question.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('template_round_question_pk', ['round_id', 'question_id'])
		.execute();
	await db.schema
		.createIndex('template_round_question_question')
		.on('template_round_question')
		.column('question_id')
		.execute();

	await db.schema
		.createTable('opening')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('team', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('template_id', 'integer', (c) => c.notNull().references('loop_template.id'))
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('opening_hiring_manager')
		.addColumn('opening_id', 'integer', (c) => c.notNull().references('opening.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
		.addPrimaryKeyConstraint('opening_hiring_manager_pk', ['opening_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('opening_hiring_manager_user')
		.on('opening_hiring_manager')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('candidate')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('candidate_email').on('candidate').column('email').unique().execute();
	await db.schema.createIndex('candidate_name').on('candidate').column('name').execute();

	await db.schema
		.createTable('candidate_opening')
		.addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
		.addColumn('opening_id', 'integer', (c) => c.notNull().references('opening.id'))
		.addColumn('added_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('candidate_opening_pk', ['candidate_id', 'opening_id'])
		.execute();
	await db.schema
		.createIndex('candidate_opening_opening')
		.on('candidate_opening')
		.column('opening_id')
		.execute();

	await db.schema
		.createTable('loop')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidate.id'))
		.addColumn('opening_id', 'integer', (c) => c.notNull().references('opening.id'))
		.addColumn('template_id', 'integer', (c) => c.references('loop_template.id'))
		.addColumn('template_name', 'text', (c) => c.notNull())
		.addColumn('visibility_mode', 'text', (c) =>
			c.notNull().check(sql`visibility_mode in ('after_own', 'after_all')`)
		)
		.addColumn('evidence_rule', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'integer')
		.addColumn('created_by', 'integer', (c) => c.references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('loop_candidate').on('loop').column('candidate_id').execute();
	await db.schema.createIndex('loop_opening').on('loop').columns(['opening_id', 'created_at']).execute();

	await db.schema
		.createTable('loop_round')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('loop_id', 'integer', (c) => c.notNull().references('loop.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(kindCheck))
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('loop_round_loop').on('loop_round').columns(['loop_id', 'position']).execute();

	await db.schema
		.createTable('loop_round_competency')
		.addColumn('round_id', 'integer', (c) => c.notNull().references('loop_round.id').onDelete('cascade'))
		.addColumn('competency_id', 'integer', (c) => c.notNull().references('competency.id'))
		.addColumn('revision_id', 'integer', (c) => c.notNull().references('competency_revision.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('loop_round_competency_pk', ['round_id', 'competency_id'])
		.execute();
	await db.schema
		.createIndex('loop_round_competency_competency')
		.on('loop_round_competency')
		.column('competency_id')
		.execute();

	// Questions are copied, text and all: editing the bank later does not change a loop.
	await db.schema
		.createTable('loop_round_question')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('round_id', 'integer', (c) => c.notNull().references('loop_round.id').onDelete('cascade'))
		.addColumn('question_id', 'integer', (c) => c.references('question.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('probes', 'text', (c) => c.notNull())
		.addColumn('good_looks_like', 'text', (c) => c.notNull())
		.addColumn('red_flags', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('loop_round_question_round')
		.on('loop_round_question')
		.columns(['round_id', 'position'])
		.execute();

	// One row per interviewer per round: the panel assignment and its scorecard.
	await db.schema
		.createTable('scorecard')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('loop_id', 'integer', (c) => c.notNull().references('loop.id').onDelete('cascade'))
		.addColumn('round_id', 'integer', (c) => c.notNull().references('loop_round.id').onDelete('cascade'))
		.addColumn('interviewer_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('scheduled_at', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('not_started')
				.check(sql`status in ('not_started', 'draft', 'submitted')`)
		)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('started_at', 'integer')
		.addColumn('submitted_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('scorecard_round_interviewer', ['round_id', 'interviewer_id'])
		.execute();
	await db.schema.createIndex('scorecard_loop').on('scorecard').column('loop_id').execute();
	await db.schema
		.createIndex('scorecard_interviewer_schedule')
		.on('scorecard')
		.columns(['interviewer_id', 'scheduled_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'scorecard',
		'loop_round_question',
		'loop_round_competency',
		'loop_round',
		'loop',
		'candidate_opening',
		'candidate',
		'opening_hiring_manager',
		'opening',
		'template_round_question',
		'template_round_competency',
		'template_round',
		'loop_template',
		'question_competency',
		'question',
		'competency_revision',
		'competency',
		'meta'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
