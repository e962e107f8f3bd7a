import {
	AliasNode,
	CamelCasePlugin,
	ColumnNode,
	DummyDriver,
	IdentifierNode,
	Kysely,
	OperationNodeTransformer,
	ReferenceNode,
	SelectionNode,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type Compilable,
	type KyselyPlugin,
	type QueryId
} from 'kysely';
import { runNow, type DB } from './db';
import type { Database } from './schema';

// The statements every request runs (the session and API token lookups, the autosave's
// UPDATE) are written with the query builder, so the type checker holds them to the schema
// and gives their rows' types, and compiled once, when their module loads. runNow runs them
// on the connection at once, without Kysely's promise chain (decisions 014 and 017).

/**
 * Identifiers in snake_case, as the app's CamelCasePlugin writes them, and every selected
 * column named as the query builder's types name it (`"created_at" as "createdAt"`): these
 * rows come straight from better-sqlite3, past the plugin that would rename their keys.
 */
class SnakeCaseNamedColumns extends OperationNodeTransformer {
	readonly #snakeCase = snakeCaseOf();

	protected override transformIdentifier(node: IdentifierNode, queryId?: QueryId): IdentifierNode {
		return { ...super.transformIdentifier(node, queryId), name: this.#snakeCase(node.name) };
	}

	protected override transformAlias(node: AliasNode, queryId?: QueryId): AliasNode {
		return AliasNode.create(this.transformNode(node.node, queryId), node.alias);
	}

	protected override transformSelection(node: SelectionNode, queryId?: QueryId): SelectionNode {
		const transformed = super.transformSelection(node, queryId);
		const name = columnName(node.selection);
		if (name === undefined || name === this.#snakeCase(name)) return transformed;
		return SelectionNode.create(AliasNode.create(transformed.selection, IdentifierNode.create(name)));
	}
}

/** CamelCasePlugin's own mapping (default options, as in db.ts). */
function snakeCaseOf(): (name: string) => string {
	class Mapping extends CamelCasePlugin {
		readonly map = (name: string) => this.snakeCase(name);
	}
	return new Mapping().map;
}

function columnName(selection: SelectionNode['selection']): string | undefined {
	const column = ReferenceNode.is(selection) ? selection.column : selection;
	return ColumnNode.is(column) ? column.column.name : undefined;
}

const namedColumns: KyselyPlugin = {
	transformQuery: ({ node, queryId }) => new SnakeCaseNamedColumns().transformNode(node, queryId),
	transformResult: async ({ result }) => result
};

/** A query builder that only compiles: it has no connection. */
export const queries = new Kysely<Database>({
	dialect: {
		createAdapter: () => new SqliteAdapter(),
		createDriver: () => new DummyDriver(),
		createIntrospector: (db) => new SqliteIntrospector(db),
		createQueryCompiler: () => new SqliteQueryCompiler()
	},
	plugins: [namedColumns]
});

/** Stands for an argument while a statement is compiled; `bind` puts the value in its place. */
class Slot {
	constructor(readonly name: string) {}
}

/** A statement compiled once: its SQL and how a call's arguments become its parameters. */
export interface HotStatement<Args, Row> {
	readonly sql: string;
	readonly bind: (args: Args) => unknown[];
	/** Only for the type checker: the rows it returns. */
	readonly rowType?: Row;
}

/**
 * Compiles the query `build` makes from its arguments. Each argument must be passed to the
 * builder as a value (it becomes a `?`), never used to choose what the query does.
 */
export function hotStatement<Args extends Record<string, unknown>, Row>(
	build: (args: Args) => Compilable<Row>
): HotStatement<Args, Row> {
	const slots = new Proxy({} as Args, { get: (_, name) => new Slot(String(name)) });
	const { sql, parameters } = build(slots).compile();
	const names = parameters.map((parameter) => (parameter instanceof Slot ? parameter.name : undefined));
	const constants = parameters.map((parameter) => (parameter instanceof Slot ? undefined : parameter));
	return {
		sql,
		bind: (args) => names.map((name, i) => (name === undefined ? constants[i] : args[name]))
	};
}

/** Runs a hot statement at once on the connection (through Kysely inside a transaction). */
export function runHot<Args, Row>(db: DB, statement: HotStatement<Args, Row>, args: Args): Promise<Row[]> {
	return runNow<Row>(db, statement.sql, statement.bind(args));
}
