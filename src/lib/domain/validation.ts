import { z } from 'zod';
import type { EchoedValues, FieldErrors } from './form-state';

export type { EchoedValues, FieldErrors, FormFailure } from './form-state';

export type Validated<T> =
	{ ok: true; data: T; values: EchoedValues } | { ok: false; values: EchoedValues; errors: FieldErrors };

// Zod 4 leaves the input out of issues, so whether a value was missing is decided here, in
// the error map, where the input is known. A schema's own message still wins over this one.
z.config({
	customError: (issue) =>
		issue.code === 'invalid_type' && issue.input === undefined ? 'This field is required' : undefined
});

/** Field names whose values are never sent back to the page after a failed submit. */
const secretField = /password|token|secret/i;

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = issue.path.length ? issue.path.join('.') : 'form';
		errors[key] ??= issue.message;
	}
	return errors;
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
			// A select's “Choose …” option posts an empty value: nothing chosen, not a bad id.
			values[field] = formData.getAll(field).filter((v): v is string => typeof v === 'string' && v !== '');
		} else {
			const value = formData.get(field);
			values[field] = typeof value === 'string' ? value : '';
		}
	}
	return values;
}

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
