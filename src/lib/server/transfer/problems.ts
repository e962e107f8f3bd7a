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
