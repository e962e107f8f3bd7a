import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../../src/lib/server/platform/db';
import { prepareDatabase } from '../../src/lib/server/platform/prepare-database';
import { createDatabase, databaseUrl, dropDatabasesLike } from './helpers/postgres';

export type TestEngine = 'sqlite' | 'postgres';

declare module 'vitest' {
	export interface ProvidedContext {
		testEngine: TestEngine;
		/** SQLite: the template file. PostgreSQL: the template database's name. */
		templateDatabase: string;
		/** A migrated SQLite file in both projects (tests of SQLite-only commands, like backup). */
		sqliteTemplate: string;
		/** PostgreSQL only: the server (PANELIST_TEST_DATABASE_URL) and this run's name prefix. */
		postgresServer: string;
		postgresPrefix: string;
	}
}

/** Migrates one database for the whole run; each test copies it (see helpers/db.ts). */
export default async function setup(project: TestProject) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-unit-'));
	const template = path.join(dir, 'template.db');
	const db = openDatabase(template);
	await prepareDatabase(db);
	await db.destroy();
	project.provide('sqliteTemplate', template);
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
	if (project.name === 'postgres') {
		const teardown = await setUpPostgres(project);
		return async () => {
			await teardown();
			removeDir();
		};
	}
	project.provide('testEngine', 'sqlite');
	project.provide('templateDatabase', template);
	project.provide('postgresServer', '');
	project.provide('postgresPrefix', '');
	return removeDir;
}

async function setUpPostgres(project: TestProject) {
	const server = process.env.PANELIST_TEST_DATABASE_URL;
	if (!server) throw new Error('the postgres project needs PANELIST_TEST_DATABASE_URL');
	const prefix = `panelist_test_${Date.now().toString(36)}`;
	const template = `${prefix}_template`;
	await createDatabase(server, template);
	const db = openDatabase(databaseUrl(server, template));
	try {
		await migrateToLatest(db);
		await prepareDatabase(db);
	} catch (error) {
		// Until every feature speaks PostgreSQL, the template may lack the default library:
		// the tests that need it fail, and say why, instead of the whole run.
		console.error(`postgres template not fully prepared: ${(error as Error).message}`);
	} finally {
		await db.destroy();
	}
	project.provide('testEngine', 'postgres');
	project.provide('templateDatabase', template);
	project.provide('postgresServer', server);
	project.provide('postgresPrefix', prefix);
	return () => dropDatabasesLike(server, prefix);
}
