import { rebuildCalibrationMonths } from '../calibration/calibration-upkeep';
import type { ResumeStore, StoredResume } from '../hiring/resume-store';
import type { DB } from '../platform/db';
import { advanceIdSequences } from '../platform/engine/id-sequences';
import { refreshPlannerStatistics } from '../platform/engine/planner-statistics';
import { Checks } from './checks';
import type { ExportFile } from './format';
import { writeLoopFigures } from './import-figures';
import { writeLoops } from './import-loops';
import { writeSettings } from './settings';
import { writeCalibrationExercises } from './exercises';
import { writeOrganisationSettings } from './organisation-settings';
import { writeIdentities } from './identities';
import { checkEnvelope, checkFormat, checkHead } from './envelope';
import { writeAuditEvents, writeLibrary, writeTemplatesAndOpenings } from './import-records';
import {
	addKnown,
	emptyFile,
	isIdList,
	listKeys,
	newKnown,
	parseBatch,
	type ListKey,
	type RawRecord
} from './parse';
import type { ProblemList } from './problems';
import type { ExportEvent } from './read-stream';
import { checkReferences } from './references';
import { writeResumes } from './resumes';

// Takes an export's events as they are read, checks a batch of records at a time and, while
// the file has shown no problem, writes each checked batch (inside the caller's one
// transaction). After the first problem it only checks, so one run still lists them all.

export interface ImportSummary {
	users: number;
	loops: number;
	scorecards: number;
	auditEvents: number;
	/** Active admins' emails: the people to give a password first. */
	adminEmails: string[];
}

/** Loops carry their panel and résumés a PDF, so they come in smaller batches than other records. */
const batchSize = (key: ListKey) => (key === 'resumes' ? 1 : key === 'loops' ? 200 : 1000);

const isListKey = (key: string): key is ListKey => (listKeys as readonly string[]).includes(key);

/** The tables whose statistics the batches' updates and the final recount plan with. */
const plannedTables = ['loop', 'loop_round', 'scorecard', 'scorecard_rating', 'rating_unit'] as const;

export class Loader {
	private readonly known = newKnown();
	private readonly checks: Checks;
	/** The top level's plain values and, for each list, an empty one. */
	private readonly head: Record<string, unknown> = {};
	private formatSeen = false;
	private headChecked = false;
	private batch: { key: ListKey; items: RawRecord[] } | null = null;
	readonly summary: ImportSummary = { users: 0, loops: 0, scorecards: 0, auditEvents: 0, adminEmails: [] };
	records = 0;
	/** Scorecards written when the planner's statistics are next refreshed: at each doubling. */
	private statisticsDueAt = 1000;

	/** The batch being written (decision 033). */
	private writing: Promise<void> = Promise.resolve();
	private lastBreak = 0;

	/** Résumés put into the store, to remove if the import does not commit. */
	readonly stored: StoredResume[] = [];

	constructor(
		private readonly db: DB,
		private readonly problems: ProblemList,
		private readonly resumeStore: ResumeStore
	) {
		this.checks = new Checks({ file: emptyFile(), known: this.known, indexOf: () => -1 }, problems);
	}

	/** Takes one event; false when the rest of the file is not worth reading. */
	async take(event: ExportEvent): Promise<boolean> {
		if (event.type === 'not-object') {
			this.problems.push({ path: '(file)', message: 'an export file holds one JSON object' });
			return false;
		}
		if (!this.formatSeen) {
			this.formatSeen = true;
			if (!checkFormat(event.key, event.type === 'value' ? event.value : undefined, this.problems))
				return false;
		}
		if (event.type === 'value') {
			if (isListKey(event.key)) this.cannotKnow(event.key);
			this.head[event.key] = event.value;
		} else if (event.type === 'list') this.startList(event.key);
		else if (event.type === 'record') {
			await this.letAnswersIn();
			if (!this.batch) return true;
			this.batch.items.push({ index: event.index, value: event.value });
			if (this.batch.items.length >= batchSize(this.batch.key)) await this.flush();
		} else {
			await this.flush();
			this.batch = null;
		}
		return true;
	}

	private startList(key: string): void {
		if (!this.headChecked) checkHead(this.head, this.problems);
		this.headChecked = true;
		const repeated = key in this.head;
		this.head[key] = [];
		if (!isListKey(key)) return; // the envelope's check names it
		const position = listKeys.indexOf(key);
		const later = listKeys.slice(position + 1).find((k) => k in this.head && k !== key);
		if (repeated || later) {
			this.problems.push({
				path: key,
				message: repeated
					? 'this list appears twice; an export has each list once'
					: `this list comes after "${later}"; an export lists ${listKeys.join(', ')} in this order`
			});
			return;
		}
		// References to a list the file lacks cannot be judged: let them pass (the envelope reports the list).
		for (const earlier of listKeys.slice(0, position))
			if (!Array.isArray(this.head[earlier])) this.cannotKnow(earlier);
		this.batch = { key, items: [] };
	}

	/** A list that is missing or not a list: what its ids would be is unknown. */
	private cannotKnow(key: ListKey): void {
		if (!isIdList(key)) return;
		this.known[key].complete = false;
		if (key === 'competencies') this.known.competencyRevisions.complete = false;
		if (key === 'questions') this.known.questionRevisions.complete = false;
	}

	private async flush(): Promise<void> {
		if (!this.batch?.items.length) return;
		const { key, items } = this.batch;
		this.batch.items = [];
		addKnown(this.known, key, items);
		this.checks.parsed = parseBatch(key, items, this.known, this.problems);
		checkReferences(this.checks);
		const { file } = this.checks.parsed;
		this.count(key, items.length, file);
		// One batch is written while the next is read and checked; a write that failed fails here.
		await this.written();
		if (this.problems.length) return;
		this.writing = this.write(file, this.summary.scorecards);
		// Handled here so a failure waits for written() rather than ending the process.
		this.writing.catch(() => undefined);
	}

	/**
	 * Writes a checked batch. PostgreSQL works on one statement while the next batch is read:
	 * reading and writing one after the other left each side idle half the time (decision 033).
	 */
	private async write(file: ExportFile, scorecards: number): Promise<void> {
		await writeBatch(this.db, file);
		await writeResumes(this.db, this.resumeStore, file.resumes ?? [], this.stored);
		if (scorecards >= this.statisticsDueAt) {
			await refreshPlannerStatistics(this.db, plannedTables);
			this.statisticsDueAt = scorecards * 2;
		}
	}

	/** Resolves once the batch being written is in the database; throws what its writing threw. */
	async written(): Promise<void> {
		const writing = this.writing;
		this.writing = Promise.resolve();
		await writing;
	}

	/**
	 * Lets the database's answers in while a batch is being written: they arrive between two
	 * pieces of the file, and a piece takes long enough to read that the server would wait.
	 */
	private async letAnswersIn(): Promise<void> {
		if (performance.now() - this.lastBreak < 2) return;
		await new Promise((resolve) => setImmediate(resolve));
		this.lastBreak = performance.now();
	}

	private count(key: ListKey, records: number, file: ExportFile): void {
		this.records += records;
		if (key === 'users' || key === 'loops' || key === 'auditEvents') this.summary[key] += records;
		for (const loop of file.loops) this.summary.scorecards += loop.panel.length;
		for (const user of file.users)
			if (user.role === 'admin' && user.deactivatedAt === null) this.summary.adminEmails.push(user.email);
	}

	/** After the last event: what only the whole file can show, then what the file leaves out. */
	async finish(): Promise<void> {
		if (!this.formatSeen) {
			this.problems.push({ path: '(file)', message: 'an export file holds one JSON object' });
			return;
		}
		if (!this.headChecked) checkHead(this.head, this.problems);
		checkEnvelope(this.head, this.problems);
		if (this.problems.length) return;
		await refreshPlannerStatistics(this.db, plannedTables);
		await rebuildCalibrationMonths(this.db);
		await advanceIdSequences(this.db);
	}
}

/**
 * Writes a checked batch, then rebuilds for its loops what the file leaves out on purpose
 * (ratings as rows, completeness, leniency references, rating units) as daily upkeep has them.
 */
async function writeBatch(db: DB, file: ExportFile): Promise<void> {
	await writeLibrary(db, file);
	await writeTemplatesAndOpenings(db, file);
	await writeLoops(db, file.loops);
	await writeLoopFigures(db, file.loops);
	await writeAuditEvents(db, file.auditEvents);
	await writeSettings(db, file);
	await writeCalibrationExercises(db, file.calibrationExercises ?? []);
	await writeOrganisationSettings(db, file.organisationSettings ?? []);
	await writeIdentities(db, file);
}
