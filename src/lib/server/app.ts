import { defaultDatabasePath, openDatabase, type DB } from './db';
import { prepareDatabase } from './prepare';
import { sessionPolicyFromEnv, type SessionPolicy } from './auth/session';

// What the running server shares across requests: its database and its settings.

let appDb: DB | undefined;
let policy: SessionPolicy | undefined;

export function databasePath(env: Record<string, string | undefined> = process.env): string {
	return env.DATABASE_PATH || defaultDatabasePath;
}

export function getDb(): DB {
	appDb ??= openDatabase(databasePath());
	return appDb;
}

export function sessionPolicy(): SessionPolicy {
	policy ??= sessionPolicyFromEnv(process.env);
	return policy;
}

/** Opens and prepares the database, and reads settings, so bad ones stop start-up at once. */
export async function startApp(): Promise<string[]> {
	sessionPolicy();
	return prepareDatabase(getDb());
}
