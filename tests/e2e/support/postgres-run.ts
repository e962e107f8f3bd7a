import { createDatabase } from '../../unit/helpers/postgres';
import { postgresServer } from './postgres-database';

// `create <name>`: the PostgreSQL browser run's database, made before its server starts
// (playwright.postgres.config.ts runs this synchronously, as Playwright reads its config).
const [command, name] = process.argv.slice(2);
if (command !== 'create' || !name) throw new Error('usage: postgres-run.ts create <name>');
await createDatabase(postgresServer(), name);
