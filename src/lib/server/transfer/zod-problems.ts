import type { z } from 'zod';
import type { ProblemSink } from './checks';
import { formatPath, shortened, type PathPart } from './problems';

// Zod's issues as the import's problems: a path, then a message that reads as the rest of
// the line.

// A missing field says so, whatever the schema's type message.
export const parseOptions = {
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

export function report(
	problems: ProblemSink,
	at: readonly PathPart[],
	issues: readonly z.core.$ZodIssue[]
): void {
	for (const issue of issues) {
		const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
		// Zod names unknown keys in its message; those are the file's, of any length and number.
		const message =
			issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : sentence(nested ?? issue.message);
		problems.push({ path: formatPath([...at, ...issue.path]), message });
	}
}
