import type { Kysely } from 'kysely';
import { isPostgres } from '../../../../../migrations/support/engine';

export type Engine = 'sqlite' | 'postgres';

const known = new WeakMap<object, Engine>();

/** Which engine db speaks, worked out once per Kysely instance (transactions included). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema will do
export function engineOf(db: Kysely<any>): Engine {
	let engine = known.get(db);
	if (!engine) {
		engine = isPostgres(db) ? 'postgres' : 'sqlite';
		known.set(db, engine);
	}
	return engine;
}
