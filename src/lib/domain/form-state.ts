// What a form action answered, as a page reads it. No zod here: pages import this, and the
// browser should not download a schema library to show an error message.

/** One message per field, keyed by dotted path; `form` holds errors about the whole form. */
export type FieldErrors = Record<string, string>;

/**
 * The errors of a form whose only fields are hidden (a row's id), as one error about the whole
 * form: an error summary has no field to link them to.
 */
export function asWholeForm(errors: FieldErrors): FieldErrors {
	const message = Object.values(errors).find(Boolean);
	return message ? { form: message } : {};
}

/** Values that can be sent back to the page: what the user typed, except secrets. */
export type EchoedValues = Record<string, string | string[]>;

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
