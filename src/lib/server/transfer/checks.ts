import { formatPath, type PathPart, type Problem } from './problems';
import type { KnownIds, ParsedFile } from './parse';

// What every reference check needs: where to report, and the ways a reference goes wrong.
// One Checks lives for the whole import, which hands it the file a batch of records at a
// time: what must be unique across the file is remembered between batches.

export type Path = readonly PathPart[];

/** Where problems go: a plain list, or a ProblemList that keeps only the first thousand. */
export interface ProblemSink {
	push(problem: Problem): unknown;
	readonly length: number;
}

/**
 * A string of its own, flat. A value read from the file is a slice of the megabyte of text it
 * came in, and V8 keeps that whole piece alive as long as the slice: remembering every
 * candidate's email kept about 100 MB of the file in memory at a million scorecards. A path
 * joined from its parts is a tree of them, three times the size of the text (decision 032).
 */
const ownCopy = (value: string) => Buffer.from(value, 'utf8').toString('utf8');

/** First paths kept per kind of id; past that a repeat says only that it came earlier. */
const pathsKept = 10_000;

/**
 * Ids seen so far, in memory that stays small for a file in id order (as Panelist writes
 * them): ascending ids are kept as runs of consecutive numbers, only the others one by one.
 */
class SeenIds {
	private max = 0;
	private readonly starts: number[] = [];
	private readonly ends: number[] = [];
	private readonly scattered = new Set<number>();
	private readonly paths = new Map<number, string>();

	/** Undefined for an id not seen before; else where it was first ('' once no longer known). */
	see(id: number, path: () => string): string | undefined {
		if (id <= this.max && this.has(id)) return this.paths.get(id) ?? '';
		if (id > this.max) {
			const last = this.ends.length - 1;
			if (last >= 0 && this.ends[last] === id - 1) this.ends[last] = id;
			else {
				this.starts.push(id);
				this.ends.push(id);
			}
			this.max = id;
		} else this.scattered.add(id);
		if (this.paths.size < pathsKept) this.paths.set(id, ownCopy(path()));
		return undefined;
	}

	private has(id: number): boolean {
		if (this.scattered.has(id)) return true;
		let low = 0;
		let high = this.starts.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			if (id < this.starts[mid]!) high = mid - 1;
			else if (id > this.ends[mid]!) low = mid + 1;
			else return true;
		}
		return false;
	}
}

export class Checks {
	private readonly seenIds = new Map<string, SeenIds>();
	private readonly seenValues = new Map<string, Map<string, string>>();
	/** Competency id → name, for messages about documents (competencies come before loops). */
	readonly competencyNames = new Map<string, string>();

	constructor(
		public parsed: ParsedFile,
		readonly problems: ProblemSink
	) {}

	report(path: Path, message: string): void {
		this.problems.push({ path: formatPath(path), message });
	}

	/** The id must be among `known`; `what` names the record for the message. */
	ref(path: Path, id: string | null, known: KnownIds, what: string, where = 'in this file'): boolean {
		if (id === null || known.has(id)) return true;
		this.report(path, `no ${what} with id "${id}" ${where}`);
		return false;
	}

	refs(path: Path, ids: string[], known: KnownIds, what: string): void {
		const seen = new Set<string>();
		ids.forEach((id, i) => {
			if (seen.has(id)) this.report([...path, i], `${what} "${id}" is listed twice`);
			seen.add(id);
			this.ref([...path, i], id, known, what);
		});
	}

	/**
	 * Reports every value seen before, naming where it was first. Named checks remember
	 * values across batches (the whole file); an unnamed one lives as long as it is kept.
	 */
	unique(name?: string): (path: Path, value: string, message: (first: string) => string) => void {
		let first = name === undefined ? undefined : this.seenValues.get(name);
		if (!first) {
			first = new Map<string, string>();
			if (name !== undefined) this.seenValues.set(name, first);
		}
		const values = first;
		return (path, value, message) => {
			const earlier = values.get(value);
			if (earlier !== undefined) this.report(path, message(earlier));
			else values.set(ownCopy(value), ownCopy(formatPath(path)));
		};
	}

	/** Each id of `what` used once in the whole file. */
	uniqueIds(what: string) {
		let seen = this.seenIds.get(what);
		if (!seen) this.seenIds.set(what, (seen = new SeenIds()));
		const ids = seen;
		return (path: Path, id: string) => {
			const at = [...path, 'id'];
			const first = ids.see(Number(id), () => formatPath(at));
			if (first === undefined) return;
			this.report(
				at,
				`${what} id "${id}" is used twice (also ${first ? `at ${first}` : 'earlier in the file'})`
			);
		};
	}

	at(record: object): number {
		return this.parsed.indexOf(record);
	}
}
