import { sql } from 'kysely';
import { databaseResumeStore, type ResumeStore } from '../hiring/resume-store';
import type { DB } from '../platform/db';
import { engineOf } from '../platform/engine/engine-of';
import { beginReadSnapshot } from '../platform/engine/read-snapshot';
import { isoTime } from './convert';
import { createTextFile } from './files';
import { readLoops } from './export-loops';
import {
	readAuditEvents,
	readCandidates,
	readCompetencies,
	readOpenings,
	readQuestions,
	readTemplates,
	readUsers
} from './export-records';
import { exportFormat, exportVersion } from './format';
import { hasResumes, readResumes } from './resumes';
import {
	readNoticeSettings,
	readQualifications,
	readReminderSettings,
	readTrainingPaths,
	readWeeklyLimits
} from './settings';
import { readCalibrationExercises } from './exercises';
import { readOrganisationSettings } from './organisation-settings';
import { readProvisionedUsers, readSignInIdentities } from './identities';

// Writes the whole organisation as docs/export-format.md describes: every list in id order,
// keys in one order, nothing derived, nothing secret, so the same data always gives the
// same bytes. Large lists are read page by page and written as they come, so memory stays
// flat however large the history.

/** Where an export has got to: the records written so far, of how many. */
export interface ExportProgress {
	stage: 'library and people' | 'candidates' | 'loops' | 'audit events' | 'résumés';
	records: number;
	fraction: number;
}

export interface ExportOptions {
	onProgress?: (progress: ExportProgress) => void;
	/** Where the source keeps résumés (RESUME_DIR or the database, the default). */
	resumeStore?: ResumeStore;
}

export interface ExportSummary {
	users: number;
	loops: number;
	scorecards: number;
	auditEvents: number;
}

/** Records whose database id (`key`) comes after `after`, a page at a time, until none are left. */
async function* pages<T extends { key: number }>(read: (after: number) => Promise<T[]>): AsyncGenerator<T[]> {
	let after = 0;
	for (;;) {
		const rows = await read(after);
		if (!rows.length) return;
		yield rows;
		after = rows[rows.length - 1]!.key;
	}
}

/** Writes through `write` in pieces of about a megabyte. */
function buffered(write: (chunk: string) => void | Promise<void>) {
	let buffer = '';
	return {
		async add(text: string) {
			buffer += text;
			if (buffer.length >= 1 << 20) await this.flush();
		},
		async flush() {
			if (buffer) await write(buffer);
			buffer = '';
		}
	};
}

// The text equals JSON.stringify(file, null, 2) + '\n', written record by record: inside a
// JSON string a line break is always escaped, so indenting after every \n is safe.
const indented = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');

/**
 * Writes the export through `write`. Everything is read in one read transaction on one
 * connection: a consistent snapshot while the server keeps writing, without holding the
 * write lock as the app's immediate transactions would (platform/engine/read-snapshot.ts).
 */
export async function writeExport(
	db: DB,
	write: (chunk: string) => void | Promise<void>,
	now = Date.now(),
	options: ExportOptions = {}
): Promise<ExportSummary> {
	return db.connection().execute(async (conn) => {
		await beginReadSnapshot(engineOf(db)).execute(conn);
		try {
			return await writeSnapshot(conn, buffered(write), now, options);
		} finally {
			await sql`rollback`.execute(conn);
		}
	});
}

/** How many records the export will write, for its progress. */
async function countRecords(db: DB): Promise<number> {
	let total = 0;
	for (const table of [
		'user',
		'competency',
		'question',
		'loopTemplate',
		'opening',
		'candidate',
		'loop',
		'auditEvent',
		'candidateResume'
	] as const) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		total += Number(row.n);
	}
	return total;
}

async function writeSnapshot(
	db: DB,
	out: ReturnType<typeof buffered>,
	now: number,
	{ onProgress, resumeStore = databaseResumeStore }: ExportOptions
): Promise<ExportSummary> {
	const summary: ExportSummary = { users: 0, loops: 0, scorecards: 0, auditEvents: 0 };
	const total = onProgress ? await countRecords(db) : 0;
	let written = 0;
	const list = async <T>(
		key: string,
		stage: ExportProgress['stage'],
		batches: AsyncIterable<T[]> | Iterable<T[]>
	) => {
		await out.add(`,\n  ${JSON.stringify(key)}: [`);
		let count = 0;
		for await (const batch of batches) {
			for (const record of batch) await out.add(`${count++ ? ',' : ''}\n    ${indented(record)}`);
			written += batch.length;
			onProgress?.({ stage, records: written, fraction: total ? Math.min(written / total, 1) : 1 });
		}
		await out.add(count ? '\n  ]' : ']');
		return count;
	};
	const withoutKey = <T extends { key: number }>(rows: T[]) => rows.map(({ key: _key, ...record }) => record);

	await out.add(`{\n  "format": ${JSON.stringify(exportFormat)},\n  "version": ${exportVersion}`);
	await out.add(`,\n  "exportedAt": ${JSON.stringify(isoTime(now))}`);
	summary.users = await list('users', 'library and people', [await readUsers(db)]);
	await list('competencies', 'library and people', [await readCompetencies(db)]);
	await list('questions', 'library and people', [await readQuestions(db)]);
	await list('templates', 'library and people', [await readTemplates(db)]);
	await list('openings', 'library and people', [await readOpenings(db)]);
	await list(
		'candidates',
		'candidates',
		mapPages(
			pages((after) => readCandidates(db, after)),
			withoutKey
		)
	);
	summary.loops = await list(
		'loops',
		'loops',
		mapPages(
			pages((after) => readLoops(db, after)),
			(loops) => {
				for (const loop of loops) summary.scorecards += loop.panel.length;
				return withoutKey(loops);
			}
		)
	);
	summary.auditEvents = await list(
		'auditEvents',
		'audit events',
		mapPages(
			pages((after) => readAuditEvents(db, after)),
			withoutKey
		)
	);
	// Left out when there are none, so such a file stays as version 1 always was.
	if (await hasResumes(db))
		await list(
			'resumes',
			'résumés',
			mapPages(
				pages((after) => readResumes(db, resumeStore, after)),
				withoutKey
			)
		);
	// What people set and who they are at the company's provider, each list left out when
	// empty, as résumés are (format-settings.ts, format-exercises.ts, format-identities.ts).
	const smallLists: [string, object[]][] = [
		['trainingPaths', await readTrainingPaths(db)],
		['qualifications', await readQualifications(db)],
		['weeklyLimits', await readWeeklyLimits(db)],
		['noticeSettings', await readNoticeSettings(db)],
		['reminderSettings', await readReminderSettings(db)],
		['calibrationExercises', await readCalibrationExercises(db)],
		['organisationSettings', await readOrganisationSettings(db)],
		['signInIdentities', await readSignInIdentities(db)],
		['provisionedUsers', await readProvisionedUsers(db)]
	];
	for (const [key, records] of smallLists)
		if (records.length) await list(key, 'library and people', [records]);
	await out.add('\n}\n');
	await out.flush();
	return summary;
}

async function* mapPages<T, U>(source: AsyncIterable<T[]>, map: (page: T[]) => U[]): AsyncGenerator<U[]> {
	for await (const page of source) yield map(page);
}

/** The export as one string (tests, and small organisations). */
export async function exportOrganisation(
	db: DB,
	now = Date.now(),
	options: Pick<ExportOptions, 'resumeStore'> = {}
): Promise<string> {
	const chunks: string[] = [];
	await writeExport(db, (chunk) => void chunks.push(chunk), now, options);
	return chunks.join('');
}

/**
 * Writes the export to a new file (gzipped when its name ends in `.gz`); an existing file
 * is never overwritten. A failed export removes what it had written, so no half file is
 * left looking like an export.
 */
export async function exportToFile(
	db: DB,
	file: string,
	now = Date.now(),
	options: ExportOptions = {}
): Promise<ExportSummary> {
	const out = createTextFile(file);
	try {
		const summary = await writeExport(db, (chunk) => out.write(chunk), now, options);
		await out.close();
		return summary;
	} catch (error) {
		await out.discard();
		throw error;
	}
}
