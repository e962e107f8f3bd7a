import type { SelectQueryBuilder } from 'kysely';
import type { Engine } from './engine-of';

/**
 * Makes a select of rows to claim lock what it picks and pass over rows another transaction
 * holds: on PostgreSQL `for update skip locked`, so instances claiming jobs at once never pick
 * the same one and never wait on each other. SQLite has one writer at a time: its claim is a
 * single UPDATE, atomic as it stands.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table will do
export function skipLockedRows<Q extends SelectQueryBuilder<any, any, any>>(query: Q, engine: Engine): Q {
	return engine === 'postgres' ? (query.forUpdate().skipLocked() as Q) : query;
}
