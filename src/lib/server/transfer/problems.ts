/** One thing wrong with a file: where (a JSON path like `loops[3].panel[0].interviewerId`) and what. */
export interface Problem {
	path: string;
	message: string;
}

export type PathPart = string | number | symbol;

/** Keys come from the file, so a hostile one could be megabytes long; a report shows its start. */
export const shortened = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function formatPath(path: readonly PathPart[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part) && part.length <= 80)
			out += out ? `.${part}` : part;
		else out += `[${JSON.stringify(shortened(String(part)))}]`;
	}
	return out;
}

/** How many problems are kept in full; past that they are counted by kind. */
export const problemsInFull = 1000;

/** The same problem wherever it is: indexes and quoted values left out. */
export const kindOf = (problem: Problem) =>
	`${problem.path.replace(/\[\d+\]/g, '[*]')}: ${problem.message.replace(/"[^"]*"/g, '"…"')}`;

/**
 * Every problem of a file, in memory that does not grow with it: the first thousand in
 * full, then a count per kind.
 */
export class ProblemList {
	readonly shown: Problem[] = [];
	readonly more = new Map<string, number>();
	total = 0;

	push(problem: Problem): void {
		this.total++;
		if (this.shown.length < problemsInFull) this.shown.push(problem);
		else this.more.set(kindOf(problem), (this.more.get(kindOf(problem)) ?? 0) + 1);
	}

	get length(): number {
		return this.total;
	}
}
