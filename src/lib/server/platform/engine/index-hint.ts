import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './engine-of';

/**
 * A table read through the named index: SQLite takes the hint (`indexed by`) where its planner
 * would otherwise choose worse; PostgreSQL has no hints and plans from its statistics.
 */
export function tableThroughIndex(engine: Engine, table: string, index: string): RawBuilder<unknown> {
	return sql.raw(engine === 'postgres' ? table : `${table} indexed by ${index}`);
}
