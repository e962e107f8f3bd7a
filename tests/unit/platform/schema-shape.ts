import { sql } from 'kysely';
import type { DB } from '../../../src/lib/server/platform/db';

// What a schema promises, read from each engine's catalogue in one comparable form:
// sorted lines of "table.column type null", uniques and indexes, foreign keys and checks.

const family: Record<string, string> = {
	integer: 'integer',
	bigint: 'integer',
	text: 'text',
	real: 'real',
	'double precision': 'real',
	blob: 'bytes',
	bytea: 'bytes'
};
const typeFamily = (type: string) => family[type.toLowerCase()] ?? type.toLowerCase();
const ours = (table: string) => !table.startsWith('sqlite_') && !table.startsWith('kysely_');

export async function describeSqliteSchema(db: DB): Promise<string[]> {
	const lines: string[] = [];
	const { rows: tables } = await sql<{ name: string; sql: string }>`
		select name, sql from sqlite_master where type = 'table' order by name
	`.execute(db);
	for (const { name: table, sql: ddl } of tables.filter((t) => ours(t.name))) {
		const { rows: columns } = await sql<{ name: string; type: string; notnull: number; pk: number }>`
			select name, type, "notnull", pk from pragma_table_info(${table})
		`.execute(db);
		for (const c of columns) {
			lines.push(
				`column ${table}.${c.name} ${typeFamily(c.type)} ${c.notnull || c.pk ? 'not null' : 'null'}`
			);
		}
		const { rows: keys } = await sql<{ from: string; table: string; to: string; onDelete: string }>`
			select "from", "table", "to", on_delete from pragma_foreign_key_list(${table})
		`.execute(db);
		for (const k of keys)
			lines.push(`fk ${table}.${k.from} -> ${k.table}.${k.to} ${k.onDelete.toLowerCase()}`);
		lines.push(`checks ${table} ${(ddl.match(/\bcheck\s*\(/gi) ?? []).length}`);
		const { rows: indexes } = await sql<{ name: string; unique: number; origin: string; partial: number }>`
			select name, "unique", origin, partial from pragma_index_list(${table})
		`.execute(db);
		const primaryKey = columns.filter((c) => c.pk).sort((a, b) => a.pk - b.pk);
		if (!indexes.some((i) => i.origin === 'pk')) {
			lines.push(`index ${table} unique (${primaryKey.map((c) => c.name).join(', ')})`);
		}
		for (const index of indexes) {
			const { rows: parts } = await sql<{ name: string }>`
				select name from pragma_index_info(${index.name}) order by seqno
			`.execute(db);
			lines.push(
				`index ${table} ${index.unique ? 'unique' : 'plain'} (${parts.map((p) => p.name).join(', ')})${index.partial ? ' partial' : ''}`
			);
		}
	}
	return lines.sort();
}

export async function describePostgresSchema(db: DB): Promise<string[]> {
	const lines: string[] = [];
	const { rows: columns } = await sql<{ table: string; column: string; type: string; nullable: string }>`
		select table_name as "table", column_name as "column", data_type as "type", is_nullable as nullable
		from information_schema.columns where table_schema = current_schema()
	`.execute(db);
	for (const c of columns.filter((c) => ours(c.table))) {
		lines.push(
			`column ${c.table}.${c.column} ${typeFamily(c.type)} ${c.nullable === 'NO' ? 'not null' : 'null'}`
		);
	}
	const { rows: constraints } = await sql<{
		table: string;
		type: string;
		column: string | null;
		ref: string | null;
		refColumn: string | null;
		onDelete: string;
	}>`
		select t.relname as "table", c.contype as "type", a.attname as "column", r.relname as "ref",
			ra.attname as "refColumn", c.confdeltype as "onDelete"
		from pg_constraint c
		join pg_class t on t.oid = c.conrelid
		left join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
		left join pg_class r on r.oid = c.confrelid
		left join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
		where t.relnamespace = current_schema()::regnamespace and c.contype in ('f', 'c')
	`.execute(db);
	const checks = new Map<string, number>();
	for (const c of constraints.filter((c) => ours(c.table))) {
		if (c.type === 'c') checks.set(c.table, (checks.get(c.table) ?? 0) + 1);
		else
			lines.push(
				`fk ${c.table}.${c.column} -> ${c.ref}.${c.refColumn} ${c.onDelete === 'c' ? 'cascade' : 'no action'}`
			);
	}
	const tables = [...new Set(columns.map((c) => c.table))].filter(ours);
	for (const table of tables) lines.push(`checks ${table} ${checks.get(table) ?? 0}`);
	const { rows: indexes } = await sql<{ table: string; unique: boolean; partial: boolean; parts: string }>`
		select t.relname as "table", i.indisunique as "unique", i.indpred is not null as partial,
			(select string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' order by k)
				from generate_series(1, i.indnatts) k) as parts
		from pg_index i join pg_class t on t.oid = i.indrelid
		where t.relnamespace = current_schema()::regnamespace
	`.execute(db);
	for (const i of indexes.filter((i) => ours(i.table))) {
		// lower(name) is PostgreSQL's spelling of SQLite's `name collate nocase`.
		const parts = i.parts.replaceAll('"', '').replace(/lower\((\w+)\)/g, '$1');
		lines.push(`index ${i.table} ${i.unique ? 'unique' : 'plain'} (${parts})${i.partial ? ' partial' : ''}`);
	}
	return lines.sort();
}
