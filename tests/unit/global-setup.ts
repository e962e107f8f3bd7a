import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/platform/db';
import { prepareDatabase } from '../../src/lib/server/platform/prepare-database';

declare module 'vitest' {
	export interface ProvidedContext {
		templateDatabase: string;
	}
}

/** Migrates one database for the whole run; each test copies it (see helpers/db.ts). */
export default async function setup(project: TestProject) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-unit-'));
	const template = path.join(dir, 'template.db');
	const db = openDatabase(template);
	await prepareDatabase(db);
	await db.destroy();
	project.provide('templateDatabase', template);
	return () => fs.rmSync(dir, { recursive: true, force: true });
}
