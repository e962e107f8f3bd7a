import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../lib/server/auth/password';
import { createDb, openSqlite, type DB } from '../../lib/server/platform/db';
import { ConflictError } from '../../lib/server/platform/errors';
import { prepareDatabase } from '../../lib/server/platform/prepare-database';
import { exportToFile, type ExportProgress } from '../../lib/server/transfer/export';
import { importFromFile, type ImportProgress } from '../../lib/server/transfer/import';
import {
	generatedPassword,
	generateOrganisation,
	type GenerateOptions,
	type GenerateSummary
} from './generate';

// The generator writes through the SQLite handle for speed (decision 010). On PostgreSQL
// it generates into a SQLite file of its own and moves the result over the way an operator
// would, export then import, streamed through a gzipped file that is removed afterwards.

export interface GenerateIntoOptions extends GenerateOptions {
	onStage?: (progress: ExportProgress | ImportProgress) => void;
}

/** Generates into a SQLite file at `file`. */
export async function generateIntoSqlite(file: string, options: GenerateOptions): Promise<GenerateSummary> {
	const sqlite = openSqlite(file);
	const db = createDb(sqlite);
	try {
		await prepareDatabase(db);
		return await generateOrganisation(db, sqlite, options);
	} finally {
		await db.destroy();
	}
}

/**
 * Generates into `target` (any engine) by way of a temporary SQLite file. An import leaves
 * everyone without a password; here everyone gets the generated organisation's one.
 */
export async function generateThroughSqlite(
	target: DB,
	options: GenerateIntoOptions
): Promise<GenerateSummary> {
	await prepareDatabase(target);
	if (await target.selectFrom('user').select('id').limit(1).executeTakeFirst())
		throw new ConflictError('generate needs an empty database (this one has users)');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-generate-'));
	try {
		const file = path.join(dir, 'generated.db');
		const summary = await generateIntoSqlite(file, options);
		const exported = path.join(dir, 'generated.json.gz');
		const sqlite = openSqlite(file);
		const source = createDb(sqlite);
		try {
			await exportToFile(source, exported, options.until, { onProgress: options.onStage });
		} finally {
			await source.destroy();
		}
		await importFromFile(target, exported, { onProgress: options.onStage });
		const passwordHash = await hashPassword(generatedPassword);
		await target.updateTable('user').set({ passwordHash }).execute();
		return summary;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
