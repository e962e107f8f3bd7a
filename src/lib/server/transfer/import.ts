import fs from 'node:fs';
import { databaseResumeStore, type ResumeStore } from '../hiring/resume-store';
import type { DB } from '../platform/db';
import { dropForeignKeys, restoreForeignKeys } from '../platform/engine/deferred-foreign-keys';
import { dropIndexes, rebuildIndexes } from '../platform/engine/deferred-indexes';
import { ConflictError } from '../platform/errors';
import { prepareDatabase } from '../platform/prepare-database';
import { readTextFile } from './files';
import { clearDefaultLibrary } from './import-records';
import { Loader, type ImportSummary } from './load';
import { ProblemList, type Problem } from './problems';
import { JsonSyntaxError, readExportEvents } from './read-stream';

// Loads an export into an empty database, reading it record by record. Everything happens
// in one transaction: each batch of records is checked and, while the file has shown no
// problem, written; at the end a file with any problem is refused and the transaction rolled
// back. So a refused, failed or killed import leaves the database as it was.

export type { ImportSummary } from './load';

/** The file was not imported; `problems` lists the first thousand, `more` counts the rest by kind. */
export class ImportRefusedError extends Error {
	readonly problems: Problem[];
	readonly more: Map<string, number>;
	constructor(list: ProblemList) {
		super(`${list.total} problem${list.total === 1 ? '' : 's'} in the file; nothing was imported`);
		this.name = 'ImportRefusedError';
		this.problems = list.shown;
		this.more = list.more;
	}
}

/** Where an import has got to: the records read so far and, from a file, how much of it. */
export interface ImportProgress {
	stage: 'checking and writing' | 'rebuilding calibration' | 'committing';
	records: number;
	/** Of the file read, 0 to 1, when its size is known. */
	fraction?: number;
}

export interface ImportOptions {
	onProgress?: (progress: ImportProgress) => void;
	/** Where the target keeps résumés (RESUME_DIR or the database, the default). */
	resumeStore?: ResumeStore;
	/** The fraction of the input read so far, for progress. */
	fractionRead?: () => number;
}

/**
 * Secondary indexes of the tables an import fills, built once at its end. scorecard_loop
 * stays: each batch updates its loops' scorecards through it.
 */
const deferredIndexes = [
	'scorecard_interviewer_schedule',
	'scorecard_calibration',
	'scorecard_rating_loop',
	'scorecard_rating_calibration',
	'scorecard_rating_interviewer_trend',
	'rating_unit_calibration',
	'scorecard_submission_scorecard',
	'loop_round_loop',
	'loop_round_question_round',
	'loop_round_competency_competency',
	'loop_decision_loop',
	'loop_opening',
	'loop_candidate',
	'candidate_name',
	'candidate_opening_opening',
	'audit_event_entity'
] as const;

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
 * Imports an export's text, arriving in `chunks`, into an empty database, keeping every id.
 * Imported users have no password (see noPasswordHash) until an admin runs reset-password.
 * Throws ConflictError for a database that is not empty and ImportRefusedError listing the
 * problems of a file that cannot be imported.
 */
export async function importChunks(
	db: DB,
	chunks: AsyncIterable<string>,
	options: ImportOptions = {}
): Promise<ImportSummary> {
	// A new database gets its default library and meta keys here; the import replaces the library.
	await prepareDatabase(db);
	await assertEmpty(db);
	const problems = new ProblemList();
	const store = options.resumeStore ?? databaseResumeStore;
	let loader: Loader | undefined;
	let started = false;
	try {
		return await db.transaction().execute(async (trx) => {
			// The input cannot be read twice: a transaction run again after a conflict must stop.
			if (started) throw new Error('another writer changed the database during the import; run it again');
			started = true;
			await assertEmpty(trx);
			await clearDefaultLibrary(trx);
			const deferred = await dropIndexes(trx, deferredIndexes);
			const foreignKeys = await dropForeignKeys(trx);
			const load = (loader = new Loader(trx, problems, store));
			const report = (stage: ImportProgress['stage']) =>
				options.onProgress?.({ stage, records: load.records, fraction: options.fractionRead?.() });
			try {
				for await (const event of readExportEvents(chunks)) {
					if (!(await load.take(event))) break;
					if (event.type === 'end-list' || event.type === 'record') report('checking and writing');
				}
			} catch (error) {
				if (!(error instanceof JsonSyntaxError)) {
					// Nothing in flight when the transaction rolls back, and every résumé stored is known.
					await load.written().catch(() => undefined);
					throw error;
				}
				problems.push({ path: '(file)', message: `not valid JSON: ${error.message}` });
			}
			await load.written();
			if (!problems.length) {
				report('rebuilding calibration');
				await rebuildIndexes(trx, deferred);
				await restoreForeignKeys(trx, foreignKeys);
				await load.finish();
			}
			if (problems.length) throw new ImportRefusedError(problems);
			report('committing');
			return load.summary;
		});
	} catch (error) {
		// Files a folder store took for a transaction that did not commit.
		for (const stored of loader?.stored ?? []) await store.drop(stored);
		if (error instanceof ConflictError || error instanceof ImportRefusedError) throw error;
		// The checks should leave the database nothing to refuse; if it does, say so plainly.
		throw new Error(`the import failed and changed nothing: ${(error as Error).message}`, { cause: error });
	}
}

/** Imports an export file's whole text (tests, and small organisations). */
export async function importOrganisation(
	db: DB,
	text: string,
	options: Pick<ImportOptions, 'resumeStore'> = {}
): Promise<ImportSummary> {
	async function* pieces() {
		for (let i = 0; i < text.length; i += 1 << 20) yield text.slice(i, i + (1 << 20));
	}
	return importChunks(db, pieces(), options);
}

/** Imports an export file from disk, gzipped when its name ends in `.gz`. */
export async function importFromFile(
	db: DB,
	file: string,
	options: Pick<ImportOptions, 'onProgress' | 'resumeStore'> = {}
): Promise<ImportSummary> {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(file);
	} catch {
		throw new Error(`no file at ${file}`);
	}
	if (!stat.isFile()) throw new Error(`${file} is not a file`);
	const input = readTextFile(file);
	return importChunks(db, input.chunks, {
		...options,
		fractionRead: () => (stat.size ? input.bytesRead() / stat.size : 1)
	});
}
