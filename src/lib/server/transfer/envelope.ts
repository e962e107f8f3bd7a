import type { ProblemSink } from './checks';
import { envelopeSchema, exportFormat, exportVersion } from './format';
import { parseOptions, report } from './zod-problems';

// The top level of an export file, checked as it is read: the format first, then the
// version and time before the lists, then the whole envelope once the file has ended.

/** The first key of a Panelist export is its format; any other file is not read further. */
export function checkFormat(key: string, value: unknown, problems: ProblemSink): boolean {
	if (key === 'format' && value === exportFormat) return true;
	problems.push({
		path: 'format',
		message: `this is not a Panelist export: "format" must be "${exportFormat}"`
	});
	return false;
}

/** The envelope's issues (plain values and, for each list, an empty one), some of them. */
function envelopeIssues(head: Record<string, unknown>, keep: (key: string) => boolean) {
	const envelope = envelopeSchema.safeParse(head, parseOptions);
	return envelope.success ? [] : envelope.error.issues.filter((issue) => keep(String(issue.path[0] ?? '')));
}

/** What comes before the lists: the version (reported in words) and the export's time. */
export function checkHead(head: Record<string, unknown>, problems: ProblemSink): void {
	if (head.version !== exportVersion) {
		const seen = typeof head.version === 'number' ? `version ${head.version}` : 'no version number';
		problems.push({
			path: 'version',
			message: `this Panelist reads version ${exportVersion} exports; the file has ${seen}`
		});
	}
	report(
		problems,
		[],
		envelopeIssues(head, (key) => key === 'exportedAt')
	);
}

/** The rest of the top level, once read: every list there, and no key the format does not know. */
export function checkEnvelope(head: Record<string, unknown>, problems: ProblemSink): void {
	report(
		problems,
		[],
		envelopeIssues(head, (key) => key !== 'version' && key !== 'exportedAt')
	);
}
