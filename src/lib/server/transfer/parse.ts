import type { z } from 'zod';
import {
	auditEventSchema,
	candidateSchema,
	competencySchema,
	debriefSchema,
	decisionSchema,
	envelopeSchema,
	exportFormat,
	exportVersion,
	loopFieldsSchema,
	loopRoundSchema,
	openingSchema,
	questionSchema,
	scorecardSchema,
	templateSchema,
	userSchema,
	type ExportFile,
	type ExportLoop
} from './format';
import { isId } from './format-fields';
import { formatPath, shortened, type PathPart, type Problem } from './problems';

// Structural checks, record by record: a record with a wrong type is reported and left out,
// and the others still go on to the reference checks, so one run lists every problem.

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
	/** Per loop (by id): its rounds' ids. */
	loopRounds: Map<string, KnownIds>;
}

export interface ParsedFile {
	/** The sound records only; the whole file when there are no problems. */
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

// A missing field says so, whatever the schema's type message.
const parseOptions = {
	error: (issue: { code?: string; input?: unknown }) =>
		issue.code === 'invalid_type' && issue.input === undefined ? 'This field is required' : undefined
};

/** Messages read as the rest of a line that starts with the path. */
export const sentence = (message: string) => message.charAt(0).toLowerCase() + message.slice(1);

function unknownKeys(keys: string[]): string {
	const named = keys.slice(0, 5).map((key) => JSON.stringify(shortened(key)));
	if (keys.length > 5) named.push(`and ${keys.length - 5} more`);
	return `unrecognized key${keys.length > 1 ? 's' : ''}: ${named.join(', ')}`;
}

function report(problems: Problem[], at: readonly PathPart[], issues: readonly z.core.$ZodIssue[]): void {
	for (const issue of issues) {
		const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
		// Zod names unknown keys in its message; those are the file's, of any length and number.
		const message =
			issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : sentence(nested ?? issue.message);
		problems.push({ path: formatPath([...at, ...issue.path]), message });
	}
}

/** Each item of a list, parsed on its own; sound items are kept with their position. */
function parseEach<T extends object>(
	items: unknown[],
	schema: z.ZodType<T>,
	at: readonly PathPart[],
	problems: Problem[],
	positions: WeakMap<object, number>
): T[] {
	const sound: T[] = [];
	items.forEach((item, index) => {
		const result = schema.safeParse(item, parseOptions);
		if (!result.success) return report(problems, [...at, index], result.error.issues);
		positions.set(result.data, index);
		sound.push(result.data);
	});
	return sound;
}

/** Every item's id; a list that is not one leaves the set incomplete. */
function idsOf(value: unknown, known = new KnownIds(), owner?: string): KnownIds {
	if (!Array.isArray(value)) known.complete = false;
	for (const item of list(value)) known.add(idOf(item), owner);
	return known;
}

function knownIds(raw: Record<string, unknown>): Known {
	const revisions = (key: string) => {
		const known = new KnownIds();
		for (const record of list(raw[key]))
			idsOf(isObject(record) ? record.revisions : null, known, idOf(record));
		return known;
	};
	const loopRounds = new Map<string, KnownIds>();
	for (const loop of list(raw.loops)) {
		const id = idOf(loop);
		if (id !== undefined && isObject(loop)) loopRounds.set(id, idsOf(loop.rounds));
	}
	return {
		users: idsOf(raw.users),
		competencies: idsOf(raw.competencies),
		questions: idsOf(raw.questions),
		templates: idsOf(raw.templates),
		openings: idsOf(raw.openings),
		candidates: idsOf(raw.candidates),
		competencyRevisions: revisions('competencies'),
		questionRevisions: revisions('questions'),
		loopRounds
	};
}

/** A loop's own fields, then each round, panel seat, debrief and decision on its own. */
function parseLoops(items: unknown[], problems: Problem[], positions: WeakMap<object, number>): ExportLoop[] {
	const sound: ExportLoop[] = [];
	items.forEach((item, index) => {
		const at = ['loops', index];
		const fields = loopFieldsSchema.safeParse(item, parseOptions);
		if (!fields.success) report(problems, at, fields.error.issues);
		const raw = isObject(item) ? item : {};
		const rounds = parseEach(list(raw.rounds), loopRoundSchema, [...at, 'rounds'], problems, positions);
		const panel = parseEach(list(raw.panel), scorecardSchema, [...at, 'panel'], problems, positions);
		const decisions = parseEach(
			list(raw.decisions),
			decisionSchema,
			[...at, 'decisions'],
			problems,
			positions
		);
		const debrief = raw.debrief === undefined ? null : debriefSchema.nullable().safeParse(raw.debrief);
		if (debrief && !debrief.success) report(problems, [...at, 'debrief'], debrief.error.issues);
		if (!fields.success) return;
		const loop: ExportLoop = {
			...fields.data,
			rounds,
			panel,
			debrief: debrief?.success ? debrief.data : null,
			decisions
		};
		positions.set(loop, index);
		sound.push(loop);
	});
	return sound;
}

/**
 * Checks the file's structure: the format and version first (a file of another format is
 * not read further), then the top level, then every record. Returns null only for a file
 * that is not a Panelist export at all.
 */
export function parseExport(raw: unknown, problems: Problem[]): ParsedFile | null {
	if (!isObject(raw)) {
		problems.push({ path: '(file)', message: 'an export file holds one JSON object' });
		return null;
	}
	if (raw.format !== exportFormat) {
		problems.push({
			path: 'format',
			message: `this is not a Panelist export: "format" must be "${exportFormat}"`
		});
		return null;
	}
	if (raw.version !== exportVersion) {
		const seen = typeof raw.version === 'number' ? `version ${raw.version}` : 'no version number';
		problems.push({
			path: 'version',
			message: `this Panelist reads version ${exportVersion} exports; the file has ${seen}`
		});
	}
	const envelope = envelopeSchema.safeParse(raw, parseOptions);
	if (!envelope.success) {
		// The version was reported above, in words.
		const issues = envelope.error.issues.filter((issue) => issue.path[0] !== 'version');
		report(problems, [], issues);
	}
	const positions = new WeakMap<object, number>();
	const each = <T extends object>(key: keyof ExportFile, schema: z.ZodType<T>) =>
		parseEach(list(raw[key]), schema, [key], problems, positions);
	const file: ExportFile = {
		format: exportFormat,
		version: exportVersion,
		exportedAt: envelope.success ? envelope.data.exportedAt : new Date(0).toISOString(),
		users: each('users', userSchema),
		competencies: each('competencies', competencySchema),
		questions: each('questions', questionSchema),
		templates: each('templates', templateSchema),
		openings: each('openings', openingSchema),
		candidates: each('candidates', candidateSchema),
		loops: parseLoops(list(raw.loops), problems, positions),
		auditEvents: each('auditEvents', auditEventSchema)
	};
	return {
		file,
		known: knownIds(raw),
		indexOf: (record) => positions.get(record) ?? -1
	};
}
