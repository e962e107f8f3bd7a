import { sql, type Kysely } from 'kysely';

// Deactivation now revokes a user's API tokens for good (decision 003). Tokens of users
// deactivated before that still have no revocation time and would work again after a
// reactivation: they are revoked as of the deactivation. ("user" quoted: PostgreSQL reserves the word.)
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		update api_token
		set revoked_at = (select deactivated_at from "user" where "user".id = api_token.user_id)
		where revoked_at is null
			and user_id in (select id from "user" where deactivated_at is not null)
	`.execute(db);
}

// A revoked token stays revoked: there is nothing to undo.
export async function down(): Promise<void> {}
