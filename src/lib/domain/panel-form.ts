import type { FieldErrors } from './validation';
import type { PanelEntry } from './hiring-schemas';
import { parseLocalDateTime } from './local-time';

/**
 * Reads the loop form's per-round fields (`round-N-interviewers`, `round-N-scheduledAt`)
 * into panel entries. A round with neither stays unstaffed; a round with only one of the
 * two gets a message on the missing field. Errors are keyed by the form's field names.
 */
export function panelFromForm(
	formData: FormData,
	roundCount: number,
	timeZone: string
): { entries: PanelEntry[]; errors: FieldErrors; values: Record<string, string | string[]> } {
	const entries: PanelEntry[] = [];
	const errors: FieldErrors = {};
	const values: Record<string, string | string[]> = {};
	for (let round = 0; round < roundCount; round++) {
		const interviewerField = `round-${round}-interviewers`;
		const timeField = `round-${round}-scheduledAt`;
		const picked = formData
			.getAll(interviewerField)
			.filter((v): v is string => typeof v === 'string' && v !== '');
		const time = String(formData.get(timeField) ?? '').trim();
		values[interviewerField] = picked;
		values[timeField] = time;
		if (!picked.length && !time) continue;
		const interviewerIds = picked.map(Number);
		if (!picked.length) errors[interviewerField] = 'Choose an interviewer for this time';
		else if (interviewerIds.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
			errors[interviewerField] = 'Choose interviewers from the list';
		}
		const scheduledAt = time ? parseLocalDateTime(time, timeZone) : null;
		if (!time) errors[timeField] = 'Enter the date and time of this interview';
		else if (scheduledAt === null) errors[timeField] = 'Enter a real date and time, like 2026-11-24 10:00';
		if (!errors[interviewerField] && !errors[timeField]) {
			entries.push({ round, interviewerIds: [...new Set(interviewerIds)], scheduledAt: scheduledAt! });
		}
	}
	return { entries, errors, values };
}

/** Maps the feature's `panel.K.field` error keys back to the form's per-round field names. */
export function panelErrorsToFields(errors: FieldErrors, entries: PanelEntry[]): FieldErrors {
	const mapped: FieldErrors = {};
	for (const [key, message] of Object.entries(errors)) {
		const match = /^panel\.(\d+)\.(\w+)$/.exec(key);
		const entry = match ? entries[Number(match[1])] : undefined;
		if (!match || !entry) {
			mapped[key] = message;
			continue;
		}
		const field = match[2] === 'interviewerIds' ? 'interviewers' : match[2];
		mapped[`round-${entry.round}-${field}`] = message;
	}
	return mapped;
}
