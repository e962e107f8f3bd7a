import { formatPath, type PathPart, type Problem } from './problems';
import type { KnownIds, ParsedFile } from './parse';

// What every reference check needs: where to report, and the ways a reference goes wrong.

export type Path = readonly PathPart[];

export class Checks {
	constructor(
		readonly parsed: ParsedFile,
		readonly problems: Problem[]
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

	/** Reports every value seen before, naming where it was first. */
	unique(): (path: Path, value: string, message: (first: string) => string) => void {
		const first = new Map<string, string>();
		return (path, value, message) => {
			const earlier = first.get(value);
			if (earlier !== undefined) this.report(path, message(earlier));
			else first.set(value, formatPath(path));
		};
	}

	uniqueIds(what: string) {
		const check = this.unique();
		return (path: Path, id: string) =>
			check([...path, 'id'], id, (first) => `${what} id "${id}" is used twice (also at ${first})`);
	}

	at(record: object): number {
		return this.parsed.indexOf(record);
	}
}
