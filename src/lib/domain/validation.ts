import { z } from 'zod';

/** One message per field, keyed by dotted path; `form` holds errors about the whole form. */
export type FieldErrors = Record<string, string>;

export type Validated<T> =
	{ ok: true; data: T; values: EchoedValues } | { ok: false; values: EchoedValues; errors: FieldErrors };

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

/**
 * Form fields as the schema expects them: strings, with absent fields empty so a required
 * field says so plainly, and every value of a list field (checkboxes, multi-selects).
 */
export function formValues(
	formData: FormData,
	shape: Record<string, z.ZodType>
): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const [field, schema] of Object.entries(shape)) {
		if (schema instanceof z.ZodArray) {
			values[field] = formData.getAll(field).filter((v): v is string => typeof v === 'string');
		} else {
			const value = formData.get(field);
			values[field] = typeof value === 'string' ? value : '';
		}
	}
	return values;
}

/** Values that can be sent back to the page: what the user typed, except secrets. */
export type EchoedValues = Record<string, string | string[]>;

export function echoValues(values: Record<string, unknown>): EchoedValues {
	const echoed: EchoedValues = {};
	for (const [key, value] of Object.entries(values)) {
		if (secretField.test(key)) continue;
		if (typeof value === 'string') echoed[key] = value;
		else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) echoed[key] = value;
	}
	return echoed;
}

export function validateForm<S extends z.ZodObject>(schema: S, formData: FormData): Validated<z.output<S>> {
	const values = formValues(formData, schema.shape);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values: echoValues(values) };
	return { ok: false, values: echoValues(values), errors: issuesToFieldErrors(result.error.issues) };
}

/** What a failed form action sends back to its page. */
export interface FormFailure {
	action?: string;
	values: EchoedValues;
	errors: FieldErrors;
}

/**
 * The errors and echoed values of the form named `action` (or of the page's only form),
 * read from whatever the last action returned.
 */
export function formState(answer: unknown, action?: string): { errors: FieldErrors; values: FormValues } {
	const empty = { errors: {}, values: new FormValues({}) };
	if (!answer || typeof answer !== 'object') return empty;
	const a = answer as Partial<FormFailure>;
	if (action !== undefined && a.action !== action) return empty;
	return { errors: a.errors ?? {}, values: new FormValues(a.values ?? {}) };
}

/** Echoed values as a page reads them: one text, or the list of a checkbox group. */
export class FormValues {
	constructor(readonly raw: EchoedValues) {}

	text(field: string, fallback = ''): string {
		const value = this.raw[field];
		return typeof value === 'string' ? value : fallback;
	}

	list(field: string): string[] | undefined {
		const value = this.raw[field];
		return Array.isArray(value) ? value : undefined;
	}

	has(field: string): boolean {
		return field in this.raw;
	}
}
