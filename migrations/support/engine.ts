import {
	GeneratedNode,
	OperationNodeTransformer,
	RawNode,
	sql,
	type ColumnDefinitionNode,
	type CreateTableNode,
	type DataTypeNode,
	type Kysely,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow
} from 'kysely';

// The migrations were written for SQLite and are frozen. What they mean on PostgreSQL is said
// here, once, so that every migration file reads the same on both engines and produces on
// SQLite exactly the DDL it always has (tests/unit/platform/sqlite-schema.test.ts).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

/** Whether db speaks PostgreSQL: its dialect numbers parameters ($1) where SQLite writes `?`. */
export function isPostgres(db: AnyDb): boolean {
	return sql`select ${1}`.compile(db).sql.includes('$1');
}

// SQLite's integer is 64-bit, its real is a double and its blob is bytes: the same on
// PostgreSQL are bigint (epoch milliseconds do not fit in integer), double precision
// (PostgreSQL's real is 4 bytes) and bytea.
const postgresTypes: Partial<Record<string, DataTypeNode['dataType']>> = {
	integer: 'bigint',
	real: 'double precision',
	blob: 'bytea'
};

class SqliteToPostgresSchema extends OperationNodeTransformer {
	protected override transformDataType(node: DataTypeNode): DataTypeNode {
		const dataType = postgresTypes[node.dataType];
		return dataType ? { ...node, dataType } : node;
	}

	// `integer primary key autoincrement`: ids never reused, taken from a sequence on PostgreSQL.
	protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
		const column = super.transformColumnDefinition(node);
		if (!column.autoIncrement) return column;
		return {
			...column,
			autoIncrement: false,
			generated: GeneratedNode.create({ identity: true, byDefault: true })
		};
	}

	// `without rowid` is a storage choice of SQLite's; PostgreSQL tables are all heaps.
	protected override transformCreateTable(node: CreateTableNode): CreateTableNode {
		const table = super.transformCreateTable(node);
		const endModifiers = table.endModifiers?.filter(
			(modifier) => !(RawNode.is(modifier) && modifier.sqlFragments.join('').trim() === 'without rowid')
		);
		return { ...table, endModifiers };
	}
}

/** Rewrites the migrations' schema builder statements into their PostgreSQL equivalent. */
export class PostgresSchemaPlugin implements KyselyPlugin {
	readonly #transformer = new SqliteToPostgresSchema();

	transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
		return this.#transformer.transformNode(node);
	}

	async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		return result;
	}
}

/**
 * A unique index that ignores letter case. SQLite's `collate nocase` folds ASCII letters;
 * PostgreSQL has no such collation by default, so the index is on lower(column), which the
 * queries that rely on it must then compare alike.
 */
export async function createCaseInsensitiveUniqueIndex(
	db: AnyDb,
	name: string,
	table: string,
	column: string
): Promise<void> {
	const statement = isPostgres(db)
		? `create unique index ${name} on ${table} (lower(${column}))`
		: `create unique index ${name} on ${table} (${column} collate nocase)`;
	await sql.raw(statement).execute(db);
}
