import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../../../migrations/support/engine';

/** Whether a table of that name exists in the database's (current) schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- asked before the schema exists
export async function tableExists(db: Kysely<any>, name: string): Promise<boolean> {
	const { rows } = isPostgres(db)
		? await sql`
				select 1 from information_schema.tables
				where table_schema = current_schema() and table_name = ${name}
			`.execute(db)
		: await sql`select 1 from sqlite_master where type = 'table' and name = ${name}`.execute(db);
	return rows.length > 0;
}
