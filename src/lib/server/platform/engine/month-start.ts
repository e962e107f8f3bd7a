import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './engine-of';

/** The UTC month of an epoch-milliseconds column, as the epoch milliseconds of its first moment. */
export function monthStart(engine: Engine, column: string): RawBuilder<number> {
	return engine === 'postgres'
		? sql<number>`(extract(epoch from date_trunc('month', to_timestamp(${sql.ref(column)} / 1000.0) at time zone 'UTC')) * 1000)::bigint`
		: sql<number>`unixepoch(${sql.ref(column)} / 1000, 'unixepoch', 'start of month') * 1000`;
}
