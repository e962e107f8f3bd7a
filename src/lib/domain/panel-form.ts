import type { FieldErrors } from './validation';
import type { PanelEntry } from './hiring-schemas';
import { parseLocalDateTime } from './local-time';

/**
 * When each round would start if it took the loop's day: a round without a time follows the
 * round before it (its start plus its duration), and rounds before the first dated one start
 * so that they end when the next begins. Null while no round of the loop has a time.
 */
export function defaultRoundTimes(
	rounds: readonly { durationMinutes: number; scheduledAt: number | null }[]
): (number | null)[] {
	const times = rounds.map((r) => r.scheduledAt);
	for (let i = 1; i < times.length; i++) {
		if (times[i] === null && times[i - 1] !== null)
			times[i] = times[i - 1]! + rounds[i - 1]!.durationMinutes * 60_000;
	}
	for (let i = times.length - 2; i >= 0; i--) {
		if (times[i] === null && times[i + 1] !== null)
			times[i] = times[i + 1]! - rounds[i]!.durationMinutes * 60_000;
	}
	return times;
}

/**
 * Reads the loop form's per-round fields (`round-N-interviewers`, `round-N-scheduledAt`)
 * into panel entries. A round with neither stays unstaffed; a staffed round left without a
 * time takes the loop's day (defaultRoundTimes), and one with a time but nobody gets a
 * message. Errors are keyed by the form's field names.
 */
export function panelFromForm(
	formData: FormData,
	rounds: readonly { durationMinutes: number }[],
	timeZone: string
): { entries: PanelEntry[]; errors: FieldErrors; values: Record<string, string | string[]> } {
	const entries: PanelEntry[] = [];
	const errors: FieldErrors = {};
	const values: Record<string, string | string[]> = {};
	const given = rounds.map(({ durationMinutes }, round) => {
		const time = String(formData.get(`round-${round}-scheduledAt`) ?? '').trim();
		return { durationMinutes, scheduledAt: time ? parseLocalDateTime(time, timeZone) : null };
	});
	const defaults = defaultRoundTimes(given);
	for (let round = 0; round < rounds.length; round++) {
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
		const scheduledAt = time ? given[round]!.scheduledAt : defaults[round]!;
		if (!time && scheduledAt === null) errors[timeField] = 'Enter the date and time of this interview';
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
