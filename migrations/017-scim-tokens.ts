import type { Kysely } from 'kysely';

// SCIM provisioning (decision 028). A SCIM token is the identity provider's key to /scim/v2:
// not a person's API token, since it acts for no user; only a hash of its secret is kept.
// scim_user holds what SCIM says about a user that the user table does not keep: the
// provider's externalId and the name's parts, so a GET answers what the provider sent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('scim_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		// Null when made with the CLI, which acts for nobody.
		.addColumn('created_by', 'integer', (c) => c.references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('last_used_at', 'integer')
		.addColumn('revoked_at', 'integer')
		.execute();
	await db.schema
		.createTable('scim_user')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('external_id', 'text')
		.addColumn('given_name', 'text')
		.addColumn('family_name', 'text')
		.execute();
	await db.schema.createIndex('scim_user_external_id').on('scim_user').column('external_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('scim_user').execute();
	await db.schema.dropTable('scim_token').execute();
}
