import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import {
	echoValues,
	validateForm,
	type EchoedValues,
	type FieldErrors,
	type FormFailure
} from '../../domain/validation';
import {
	ConflictError,
	diskFull,
	ForbiddenError,
	InputError,
	isDiskFull,
	NotFoundError,
	reportDiskFull,
	TooManyAttemptsError
} from '../platform/errors';

/** A failed form action, typed the same everywhere so pages read it with formState(). */
export function failForm(status: number, failure: FormFailure) {
	return fail(status, failure);
}

export function formError(status: number, message: string, values: EchoedValues = {}, action?: string) {
	const errors: FieldErrors = { form: message };
	return failForm(status, { action, values, errors });
}

/**
 * Turns a feature function's error into the answer a form action gives: field errors for
 * what the user can fix, 403/404 pages for the rest. A full disk keeps the form as it was
 * typed, with a 503 that says why. Anything else (a redirect, a bug) propagates. `action`
 * names the form, so a page with several forms shows errors in the right one.
 */
export function formFailure(err: unknown, values: Record<string, unknown> = {}, action?: string) {
	const echoed = echoValues(values);
	if (err instanceof InputError) return failForm(400, { action, values: echoed, errors: err.fieldErrors });
	if (err instanceof ConflictError) return formError(409, err.message, echoed, action);
	if (err instanceof TooManyAttemptsError) return formError(429, err.message, echoed, action);
	if (isDiskFull(err)) {
		reportDiskFull();
		return formError(diskFull.status, diskFull.message, echoed, action);
	}
	if (err instanceof ForbiddenError) error(403, err.message);
	if (err instanceof NotFoundError) error(404, err.message);
	throw err;
}

/** Validates the posted form with `schema`, runs the feature, and answers either way. */
export async function runFormAction<S extends z.ZodObject, R extends Record<string, unknown>>(
	request: Request,
	schema: S,
	action: string,
	run: (data: z.output<S>) => Promise<R>
) {
	const form = validateForm(schema, await request.formData());
	if (!form.ok) return failForm(400, { action, values: form.values, errors: form.errors });
	try {
		return { action, ...(await run(form.data)) };
	} catch (err) {
		return formFailure(err, form.values, action);
	}
}
