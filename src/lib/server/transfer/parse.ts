import type { z } from 'zod';
import {
	auditEventSchema,
	candidateSchema,
	competencySchema,
	exportFormat,
	exportVersion,
	openingSchema,
	questionSchema,
	resumeSchema,
	templateSchema,
	userSchema,
	type ExportFile
} from './format';
import {
	debriefSchema,
	decisionSchema,
	loopFieldsSchema,
	loopRoundSchema,
	scorecardSchema,
	type ExportLoop
} from './format-loops';
import { calibrationExerciseSchema } from './format-exercises';
import { provisionedUserSchema, signInIdentitySchema } from './format-identities';
import {
	noticeSettingSchema,
	organisationSettingSchema,
	qualificationSchema,
	reminderSettingSchema,
	trainingPathSchema,
	weeklyLimitSchema
} from './format-settings';
import type { ProblemSink } from './checks';
import { isId } from './format-fields';
import type { PathPart } from './problems';
import { parseOptions, report } from './zod-problems';

// Structural checks, record by record: a record with a wrong type is reported and left out,
// and the others still go on to the reference checks, so one run lists every problem. The
// file arrives a batch of records at a time (read-stream.ts); what is known of the records
// before a batch is all its references may point at, which the order of the lists allows.

/**
 * Ids present in the file, whether or not their records are sound, so a broken record is
 * reported once and not again by everything that refers to it. Where some ids cannot be
 * read at all (a list that is not a list, an id that is neither string nor number), the
 * set cannot say what is missing and lets every reference to that kind of record pass.
 */
export class KnownIds {
	/** Id → its owner's id (a revision's competency or question; otherwise the id itself). */
	readonly owners = new Map<string, string | undefined>();
	complete = true;

	has(id: string): boolean {
		return !this.complete || this.owners.has(id);
	}

	add(id: string | undefined, owner?: string): void {
		if (id === undefined) this.complete = false;
		else this.owners.set(id, owner);
	}
}

export interface Known {
	users: KnownIds;
	competencies: KnownIds;
	questions: KnownIds;
	templates: KnownIds;
	openings: KnownIds;
	candidates: KnownIds;
	competencyRevisions: KnownIds;
	questionRevisions: KnownIds;
	/** Per loop (by id) of the current batch: its rounds' ids. */
	loopRounds: Map<string, KnownIds>;
}

/** The file's lists, in the order they must come: each may point only at those before it. */
export const listKeys = [
	'users',
	'competencies',
	'questions',
	'templates',
	'openings',
	'candidates',
	'loops',
	'auditEvents',
	'resumes',
	'trainingPaths',
	'qualifications',
	'weeklyLimits',
	'noticeSettings',
	'reminderSettings',
	'calibrationExercises',
	'organisationSettings',
	'signInIdentities',
	'provisionedUsers'
] as const;
export type ListKey = (typeof listKeys)[number];

/** The lists whose records others point at by id. */
const idLists = ['users', 'competencies', 'questions', 'templates', 'openings', 'candidates'] as const;
type IdList = (typeof idLists)[number];
export const isIdList = (key: ListKey): key is IdList => (idLists as readonly string[]).includes(key);

export interface ParsedFile {
	/** The sound records of the current batch only; the other lists are empty. */
	file: ExportFile;
	known: Known;
	/** Where a record stood in the file, for paths (records left out shift the others). */
	indexOf: (record: object) => number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A record's id as the file means it, even when written as a number (reported elsewhere). */
function idOf(value: unknown): string | undefined {
	const id = isObject(value) ? value.id : undefined;
	if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
	return isId(id) ? id : undefined;
}

/** A record as read, with its place in its list. */
export interface RawRecord {
	index: number;
	value: unknown;
}

/** Each item of a list, parsed on its own; sound items are kept with their position. */
function parseEach<T extends object>(
	items: RawRecord[],
	schema: z.ZodType<T>,
	at: readonly PathPart[],
	problems: ProblemSink,
	positions: WeakMap<object, number>
): T[] {
	const sound: T[] = [];
	for (const { index, value } of items) {
		const result = schema.safeParse(value, parseOptions);
		if (!result.success) {
			report(problems, [...at, index], result.error.issues);
			continue;
		}
		positions.set(result.data, index);
		sound.push(result.data);
	}
	return sound;
}

const indexed = (values: unknown[]): RawRecord[] => values.map((value, index) => ({ index, value }));

/** Every item's id; a list that is not one leaves the set incomplete. */
function idsOf(value: unknown, known = new KnownIds(), owner?: string): KnownIds {
	if (!Array.isArray(value)) known.complete = false;
	for (const item of list(value)) known.add(idOf(item), owner);
	return known;
}

export function newKnown(): Known {
	return {
		users: new KnownIds(),
		competencies: new KnownIds(),
		questions: new KnownIds(),
		templates: new KnownIds(),
		openings: new KnownIds(),
		candidates: new KnownIds(),
		competencyRevisions: new KnownIds(),
		questionRevisions: new KnownIds(),
		loopRounds: new Map()
	};
}

/** Adds the ids of a batch of records of `key`, sound or not. */
export function addKnown(known: Known, key: ListKey, items: RawRecord[]): void {
	if (key === 'loops') {
		known.loopRounds.clear();
		for (const { value } of items) {
			const id = idOf(value);
			if (id !== undefined && isObject(value)) known.loopRounds.set(id, idsOf(value.rounds));
		}
		return;
	}
	if (!isIdList(key)) return;
	for (const { value } of items) {
		known[key].add(idOf(value));
		if (key === 'competencies' || key === 'questions') {
			const revisions = key === 'competencies' ? known.competencyRevisions : known.questionRevisions;
			idsOf(isObject(value) ? value.revisions : null, revisions, idOf(value));
		}
	}
}

/** A loop's own fields, then each round, panel seat, debrief and decision on its own. */
function parseLoops(
	items: RawRecord[],
	problems: ProblemSink,
	positions: WeakMap<object, number>
): ExportLoop[] {
	const sound: ExportLoop[] = [];
	for (const { index, value: item } of items) {
		const at = ['loops', index];
		const fields = loopFieldsSchema.safeParse(item, parseOptions);
		if (!fields.success) report(problems, at, fields.error.issues);
		const raw = isObject(item) ? item : {};
		const part = <T extends object>(key: string, schema: z.ZodType<T>) =>
			parseEach(indexed(list(raw[key])), schema, [...at, key], problems, positions);
		const rounds = part('rounds', loopRoundSchema);
		const panel = part('panel', scorecardSchema);
		const decisions = part('decisions', decisionSchema);
		const debrief = raw.debrief === undefined ? null : debriefSchema.nullable().safeParse(raw.debrief);
		if (debrief && !debrief.success) report(problems, [...at, 'debrief'], debrief.error.issues);
		if (!fields.success) continue;
		const loop: ExportLoop = {
			...fields.data,
			rounds,
			panel,
			debrief: debrief?.success ? debrief.data : null,
			decisions
		};
		positions.set(loop, index);
		sound.push(loop);
	}
	return sound;
}

const schemas = {
	users: userSchema,
	competencies: competencySchema,
	questions: questionSchema,
	templates: templateSchema,
	openings: openingSchema,
	candidates: candidateSchema,
	auditEvents: auditEventSchema,
	resumes: resumeSchema,
	trainingPaths: trainingPathSchema,
	qualifications: qualificationSchema,
	weeklyLimits: weeklyLimitSchema,
	noticeSettings: noticeSettingSchema,
	reminderSettings: reminderSettingSchema,
	calibrationExercises: calibrationExerciseSchema,
	organisationSettings: organisationSettingSchema,
	signInIdentities: signInIdentitySchema,
	provisionedUsers: provisionedUserSchema
} as const;

/** A file with no records, to hold one batch. */
export function emptyFile(exportedAt = new Date(0).toISOString()): ExportFile {
	const lists = Object.fromEntries(listKeys.map((key) => [key, []]));
	return { format: exportFormat, version: exportVersion, exportedAt, ...lists } as ExportFile;
}

/** Parses a batch of records of one list: the sound ones, in a file of their own, and where each stood. */
export function parseBatch(
	key: ListKey,
	items: RawRecord[],
	known: Known,
	problems: ProblemSink
): ParsedFile {
	const positions = new WeakMap<object, number>();
	const file = emptyFile();
	if (key === 'loops') file.loops = parseLoops(items, problems, positions);
	// Each list's records match its schema; TypeScript cannot pair the key with the list.
	else
		(file[key] as object[]) = parseEach(items, schemas[key] as z.ZodType<object>, [key], problems, positions);
	return { file, known, indexOf: (record) => positions.get(record) ?? -1 };
}
