import type { CsvImportIssue } from '../../domain/candidate-import';
import type { ScorecardDocument } from '../../domain/scorecard';
import type { FieldErrors } from '../../domain/validation';

// Feature functions throw these; each door (page action, API handler, CLI) turns them
// into its own answer, so the rules live in one place.

/** The input breaks a rule the user can fix; fieldErrors say where. */
export class InputError extends Error {
	constructor(readonly fieldErrors: FieldErrors) {
		super(Object.values(fieldErrors)[0] ?? 'Invalid input');
		this.name = 'InputError';
	}
}

/** The actor may not do this. */
export class ForbiddenError extends Error {
	constructor(
		message = 'You do not have permission to do this. If you need it, ask an admin.',
		/** The actor may know the thing exists, so the API says 403 rather than hiding it as 404. */
		readonly thingIsKnown = false
	) {
		super(message);
		this.name = 'ForbiddenError';
	}
}

/** The thing does not exist, or the actor may not know that it does. */
export class NotFoundError extends Error {
	constructor(message = 'Not found') {
		super(message);
		this.name = 'NotFoundError';
	}
}

/** The request clashes with the current state (already done, changed meanwhile). */
export class ConflictError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConflictError';
	}
}

/** Too many failed tries in a short time: nothing was checked; the message says how long to wait. */
export class TooManyAttemptsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TooManyAttemptsError';
	}
}

/** A save based on an older version: nothing was written; here is what is saved now. */
export class VersionConflictError extends ConflictError {
	constructor(
		readonly currentVersion: number,
		readonly current: ScorecardDocument
	) {
		super('This scorecard was changed elsewhere since this copy was loaded');
		this.name = 'VersionConflictError';
	}
}

/** A submission that misses required parts; each issue names its field. */
export class IncompleteError extends Error {
	constructor(readonly issues: { path: string; message: string }[]) {
		super(issues[0]?.message ?? 'Incomplete');
		this.name = 'IncompleteError';
	}
}

/**
 * A CSV import refused whole: nothing was written. Each issue has a `path` (`rows[6].email`)
 * and a full sentence naming the row; as an InputError its field errors are keyed by path
 * ('form' for the file as a whole), so the generic form and API answers list every issue.
 */
export class CsvImportError extends InputError {
	constructor(readonly issues: CsvImportIssue[]) {
		super(Object.fromEntries(issues.map((issue) => [issue.path || 'form', issue.message])));
		this.name = 'CsvImportError';
		this.message =
			issues.length === 1
				? `Nothing was imported: ${issues[0]!.message}`
				: `Nothing was imported: the CSV has ${issues.length} problems`;
	}
}

/** A write refused because the database's disk is full (SQLite's SQLITE_FULL): nothing changed. */
export function isDiskFull(error: unknown): boolean {
	return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_FULL';
}

/** How every door answers a full disk: 503, come back in a few seconds, and why. */
export const diskFull = {
	status: 503,
	retryAfterSeconds: 10,
	message:
		'The server’s disk is full, so this was not saved. Try again shortly; an admin has to free some space.'
} as const;

let diskFullReportedAt = 0;

/** Tells the operator, once a minute at most: every autosave fails alike while the disk is full. */
export function reportDiskFull(now = Date.now()): void {
	if (now - diskFullReportedAt < 60_000) return;
	diskFullReportedAt = now;
	console.error(
		'The disk is full: writes are refused (SQLITE_FULL) until space is freed on the database’s disk'
	);
}

/** A request whose client went away while sending the body (Node's "aborted"). */
export function isCutOff(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	return (error as { code?: unknown }).code === 'ECONNRESET' || error.name === 'AbortError';
}

/** Logs an error nobody expected, with a short reference that the answer shows too. */
export function reportUnexpected(error: unknown): string {
	const reference = crypto.randomUUID().slice(0, 8);
	console.error(`Error ${reference}:`, error);
	return reference;
}
