import { describe, expect, it } from 'vitest';
import { apiTokenLookup } from '../../../src/lib/server/auth/api-tokens';
import { sessionLookup } from '../../../src/lib/server/auth/session';
import { autosaveUpdate } from '../../../src/lib/server/evaluation/autosave-statement';
import { numberPlaceholders } from '../../../src/lib/server/platform/engine/numbered-placeholders';

// The statements the autosave runs on every request, as SQLite receives them: a change to
// any of them shows here in review. Each selected column carries the name its row type
// gives it, since these rows reach the code without Kysely renaming their keys; the
// lookups compare with `+?` (decision 016).

describe('the autosave statements', () => {
	it('look a session up with its user', () => {
		expect(sessionLookup.sql).toMatchInlineSnapshot(
			`"select "session"."id", "session"."secret_hash" as "secretHash", "session"."created_at" as "createdAt", "session"."last_verified_at" as "lastVerifiedAt", "user"."id" as "userId", "user"."email", "user"."name", "user"."role", "user"."deactivated_at" as "deactivatedAt" from "session" inner join "user" on "user"."id" = "session"."user_id" where "session"."id" = +?"`
		);
		expect(sessionLookup.bind({ id: 'abc' })).toEqual(['abc']);
	});

	it('look an API token up with its user', () => {
		expect(apiTokenLookup.sql).toMatchInlineSnapshot(
			`"select "api_token"."secret_hash" as "secretHash", "api_token"."revoked_at" as "revokedAt", "api_token"."last_used_at" as "lastUsedAt", "user"."id", "user"."email", "user"."name", "user"."role", "user"."deactivated_at" as "deactivatedAt" from "api_token" inner join "user" on "user"."id" = "api_token"."user_id" where "api_token"."id" = +?"`
		);
		expect(apiTokenLookup.bind({ id: 'abc' })).toEqual(['abc']);
	});

	it('save a scorecard in one UPDATE that checks the version', () => {
		expect(autosaveUpdate.sql).toMatchInlineSnapshot(
			`"update "scorecard" set "content" = ?, "version" = "version" + 1, "status" = case when "status" = 'not_started' then 'draft' else "status" end, "started_at" = coalesce("started_at", ?), "updated_at" = ? where "id" = ? and "version" = ? and "status" != 'submitted' returning "version""`
		);
		const args = { scorecardId: 7, baseVersion: 3, content: '{}', now: 1_700_000_000_000 };
		expect(autosaveUpdate.bind(args)).toEqual(['{}', args.now, args.now, 7, 3]);
	});
});

// As PostgreSQL receives them (runNow numbers the placeholders and drops SQLite's `+` hint):
// "user" quoted, every alias quoted so PostgreSQL keeps its camelCase.
describe('the autosave statements on PostgreSQL', () => {
	it('number their placeholders and keep every name quoted', () => {
		expect(numberPlaceholders(sessionLookup.sql)).toMatchInlineSnapshot(
			`"select "session"."id", "session"."secret_hash" as "secretHash", "session"."created_at" as "createdAt", "session"."last_verified_at" as "lastVerifiedAt", "user"."id" as "userId", "user"."email", "user"."name", "user"."role", "user"."deactivated_at" as "deactivatedAt" from "session" inner join "user" on "user"."id" = "session"."user_id" where "session"."id" = $1"`
		);
		expect(numberPlaceholders(apiTokenLookup.sql)).toMatchInlineSnapshot(
			`"select "api_token"."secret_hash" as "secretHash", "api_token"."revoked_at" as "revokedAt", "api_token"."last_used_at" as "lastUsedAt", "user"."id", "user"."email", "user"."name", "user"."role", "user"."deactivated_at" as "deactivatedAt" from "api_token" inner join "user" on "user"."id" = "api_token"."user_id" where "api_token"."id" = $1"`
		);
		expect(numberPlaceholders(autosaveUpdate.sql)).toMatchInlineSnapshot(
			`"update "scorecard" set "content" = $1, "version" = "version" + 1, "status" = case when "status" = 'not_started' then 'draft' else "status" end, "started_at" = coalesce("started_at", $2), "updated_at" = $3 where "id" = $4 and "version" = $5 and "status" != 'submitted' returning "version""`
		);
	});
});
