import fs from 'node:fs';
import { rebuildCalibrationMonths, refreshLoopRows } from '../calibration/calibration-upkeep';
import { advanceIdSequences } from '../platform/engine/id-sequences';
import type { DB } from '../platform/db';
import { ConflictError } from '../platform/errors';
import { prepareDatabase } from '../platform/prepare-database';
import { rewriteRatingRows } from '../evaluation/scorecards';
import { dbId } from './convert';
import { maxFileBytes, type ExportFile } from './format';
import type { Problem } from './problems';
import { writeLoops } from './import-loops';
import {
	clearDefaultLibrary,
	writeAuditEvents,
	writeLibrary,
	writeTemplatesAndOpenings
} from './import-records';
import { parseExport } from './parse';
import { checkReferences } from './references';

// Loads an export into an empty database: the whole file is checked first (structure, then
// references across records) and every problem is reported; only a file without any is
// written, in one transaction, so a refused or failed import changes nothing.

/** The file was not imported; `problems` says everything that is wrong with it. */
export class ImportRefusedError extends Error {
	constructor(readonly problems: Problem[]) {
		super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the file; nothing was imported`);
		this.name = 'ImportRefusedError';
	}
}

/**
 * Writes every record of a checked file, then rebuilds what the file leaves out on purpose
 * (ratings as rows, completeness, leniency deviations, rating units, monthly totals) with
 * the functions that keep them up to date in daily use.
 */
async function writeOrganisation(db: DB, file: ExportFile): Promise<void> {
	await writeLibrary(db, file);
	await writeTemplatesAndOpenings(db, file);
	await writeLoops(db, file.loops);
	await writeAuditEvents(db, file.auditEvents);
	for (const loop of file.loops) {
		for (const card of loop.panel)
			if (card.status === 'submitted') await rewriteRatingRows(db, dbId(card.id));
		await refreshLoopRows(db, dbId(loop.id));
	}
	await rebuildCalibrationMonths(db);
	await advanceIdSequences(db);
}

export interface ImportSummary {
	users: number;
	loops: number;
	scorecards: number;
	auditEvents: number;
	/** Active admins' emails: the people to give a password first. */
	adminEmails: string[];
}

/** Reads and checks the text of an export file: the file, or every problem found in it. */
export function readExport(
	text: string
): { file: ExportFile; problems: [] } | { file: null; problems: Problem[] } {
	const problems: Problem[] = [];
	if (text.length > maxFileBytes) {
		problems.push({ path: '(file)', message: `the file is larger than ${maxFileBytes / 1024 / 1024} MB` });
		return { file: null, problems };
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		problems.push({ path: '(file)', message: `not valid JSON: ${(error as Error).message}` });
		return { file: null, problems };
	}
	const parsed = parseExport(raw, problems);
	if (parsed) checkReferences(parsed, problems);
	return problems.length || !parsed ? { file: null, problems } : { file: parsed.file, problems: [] };
}

const notEmptyMessage =
	'this database is not empty; import needs a new one (point DATABASE_PATH at a file that does not exist yet)';

/** Empty: nobody has signed up and nothing but the default library is there. */
async function assertEmpty(db: DB): Promise<void> {
	const [user, opening, candidate, loop] = await Promise.all([
		db.selectFrom('user').select('id').limit(1).executeTakeFirst(),
		db.selectFrom('opening').select('id').limit(1).executeTakeFirst(),
		db.selectFrom('candidate').select('id').limit(1).executeTakeFirst(),
		db.selectFrom('loop').select('id').limit(1).executeTakeFirst()
	]);
	if (user || opening || candidate || loop) throw new ConflictError(notEmptyMessage);
}

/**
 * A new database gets its default library and its meta keys here; the import then replaces
 * that library, and the keys tell the next start that nothing is left to build.
 */
async function prepareEmpty(db: DB): Promise<void> {
	await prepareDatabase(db);
	await assertEmpty(db);
}

async function importText(db: DB, text: string): Promise<ImportSummary> {
	const { file, problems } = readExport(text);
	if (!file) throw new ImportRefusedError(problems);
	try {
		await db.transaction().execute(async (trx) => {
			await assertEmpty(trx);
			await clearDefaultLibrary(trx);
			await writeOrganisation(trx, file);
		});
	} catch (error) {
		if (error instanceof ConflictError) throw error;
		// The checks above should leave the database nothing to refuse; if it does, say so plainly.
		throw new Error(`the import failed and changed nothing: ${(error as Error).message}`, { cause: error });
	}
	return {
		users: file.users.length,
		loops: file.loops.length,
		scorecards: file.loops.reduce((sum, loop) => sum + loop.panel.length, 0),
		auditEvents: file.auditEvents.length,
		adminEmails: file.users.filter((u) => u.role === 'admin' && u.deactivatedAt === null).map((u) => u.email)
	};
}

/**
 * Imports an export file's text into an empty database, keeping every id. Imported users
 * have no password (see noPasswordHash) until an admin runs reset-password for them.
 * Throws ConflictError for a database that is not empty and ImportRefusedError listing
 * every problem of a file that cannot be imported.
 */
export async function importOrganisation(db: DB, text: string): Promise<ImportSummary> {
	await prepareEmpty(db);
	return importText(db, text);
}

/** Imports an export file from disk: refused before reading when too large or not a file. */
export async function importFromFile(db: DB, file: string): Promise<ImportSummary> {
	await prepareEmpty(db);
	let stat: fs.Stats;
	try {
		stat = fs.statSync(file);
	} catch {
		throw new Error(`no file at ${file}`);
	}
	if (!stat.isFile()) throw new Error(`${file} is not a file`);
	if (stat.size > maxFileBytes) {
		const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;
		throw new Error(`${file} is ${mb(stat.size)}; import reads files up to ${mb(maxFileBytes)}`);
	}
	// Editors on some systems start UTF-8 files with a byte-order mark, which JSON does not allow.
	return importText(db, fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}
