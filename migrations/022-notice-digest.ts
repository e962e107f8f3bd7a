import { sql, type Kysely } from 'kysely';

// The daily digest (issue 16, decision 027): each person chooses whether non-urgent notices
// come by mail at once or in one mail a day; a notice waiting for its digest is marked, and
// the local day of the last digest is kept, so a day never has two.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('user_notice_setting')
		.addColumn('mail_mode', 'text', (c) => c.notNull().defaultTo('immediate'))
		.execute();
	await db.schema.alterTable('user_notice_setting').addColumn('last_digest_on', 'text').execute();
	await db.schema
		.alterTable('notice')
		.addColumn('digest_pending', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	// A digest reads only what waits for it, however long a person's history of notices.
	await db.schema
		.createIndex('notice_digest_pending')
		.on('notice')
		.columns(['user_id', 'created_at'])
		.where(sql.ref('digest_pending'), '=', 1)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('notice_digest_pending').execute();
	await db.schema.alterTable('notice').dropColumn('digest_pending').execute();
	await db.schema.alterTable('user_notice_setting').dropColumn('last_digest_on').execute();
	await db.schema.alterTable('user_notice_setting').dropColumn('mail_mode').execute();
}
