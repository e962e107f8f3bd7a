import { dropDatabase } from '../../unit/helpers/postgres';
import { postgresServer } from './postgres-database';

/** Drops the PostgreSQL browser run's database once every spec has run. */
export default async function teardown() {
	const url = process.env.PANELIST_E2E_DATABASE_URL;
	if (url) await dropDatabase(postgresServer(), new URL(url).pathname.slice(1));
}
