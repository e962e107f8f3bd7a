import type { Kysely } from 'kysely';

// OpenID Connect sign-in (decision 029). A person's account at a provider, named by the
// provider's issuer and its subject (the `sub` claim, which the provider never reuses),
// linked to a Panelist user on their first sign-in there, so a later change of email at the
// provider still finds the same account.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('user_identity')
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('last_sign_in_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('user_identity_pk', ['issuer', 'subject'])
		.execute();
	await db.schema.createIndex('user_identity_user').on('user_identity').column('user_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('user_identity').execute();
}
