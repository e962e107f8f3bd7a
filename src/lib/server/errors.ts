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
	constructor(message = 'You do not have permission to do this') {
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
