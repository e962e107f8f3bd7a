import type { CsvImportIssue } from '../domain/candidate-import';
import type { ScorecardDocument } from '../domain/scorecard';
import type { FieldErrors } from '../domain/validation';

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
