import { z } from 'zod';

/** One message per field, keyed by dotted path; `form` holds errors about the whole form. */
export type FieldErrors = Record<string, string>;

export type Validated<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; values: Record<string, string>; errors: FieldErrors };

/** Field names whose values are never sent back to the page after a failed submit. */
const secretField = /password|token|secret/i;

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = issue.path.length ? issue.path.join('.') : 'form';
		errors[key] ??= describeIssue(issue);
	}
	return errors;
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required';
	return issue.message;
}

/** Form fields as strings: absent fields are empty so a required field says so plainly. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = formData.get(field);
		values[field] = typeof value === 'string' ? value : '';
	}
	return values;
}

/** Values safe to send back to the page: everything the user typed except secrets. */
export function echoValues(values: Record<string, unknown>): Record<string, string> {
	const echoed: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) {
		if (!secretField.test(key) && typeof value === 'string') echoed[key] = value;
	}
	return echoed;
}

export function validateForm<S extends z.ZodObject>(schema: S, formData: FormData): Validated<z.output<S>> {
	const values = formValues(formData, Object.keys(schema.shape));
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values: echoValues(values) };
	return { ok: false, values: echoValues(values), errors: issuesToFieldErrors(result.error.issues) };
}

/** What a failed form action sends back to its page. */
export interface FormFailure {
	action?: string;
	values: Record<string, string>;
	errors: FieldErrors;
}

/**
 * The errors and echoed values of the form named `action` (or of the page's only form),
 * read from whatever the last action returned.
 */
export function formState(
	answer: unknown,
	action?: string
): { errors: FieldErrors; values: Record<string, string> } {
	const empty = { errors: {}, values: {} };
	if (!answer || typeof answer !== 'object') return empty;
	const a = answer as Partial<FormFailure>;
	if (action !== undefined && a.action !== action) return empty;
	return { errors: a.errors ?? {}, values: a.values ?? {} };
}
