import { competencyKinds, type CompetencyKind } from './library';
import { parseLocalDate, toLocalDate } from './local-time';
import { day } from './time';

export interface FilterInput {
	from: string;
	to: string;
	opening: string;
	kind: string;
}

export interface ParsedFilter {
	from: number;
	to: number;
	openingId?: number;
	kind?: CompetencyKind;
}

/**
 * The calibration filter from a query string (page or API): dates are whole days in the
 * viewer's zone, from ≤ to; the default is the last twelve months.
 */
export function parseCalibrationFilter(
	params: URLSearchParams,
	timeZone: string,
	now = Date.now()
):
	| { ok: true; filter: ParsedFilter; values: FilterInput }
	| { ok: false; errors: Record<string, string>; values: FilterInput } {
	const values: FilterInput = {
		from: params.get('from') ?? toLocalDate(now - 365 * day, timeZone),
		to: params.get('to') ?? toLocalDate(now, timeZone),
		opening: params.get('openingId') ?? params.get('opening') ?? '',
		kind: params.get('kind') ?? ''
	};
	const errors: Record<string, string> = {};
	const from = parseLocalDate(values.from, timeZone);
	const to = parseLocalDate(values.to, timeZone, true);
	if (from === null) errors.from = 'Enter the start as a date, like 2026-01-31';
	if (to === null) errors.to = 'Enter the end as a date, like 2026-12-31';
	if (from !== null && to !== null && from > to) errors.to = 'The end date comes before the start date';
	const openingId = values.opening ? Number(values.opening) : undefined;
	if (openingId !== undefined && (!Number.isSafeInteger(openingId) || openingId <= 0))
		errors.opening = 'Choose an opening from the list';
	const kind = competencyKinds.find((k) => k === values.kind);
	if (values.kind && !kind) errors.kind = 'Choose technical or leadership';
	if (Object.keys(errors).length) return { ok: false, errors, values };
	return { ok: true, filter: { from: from!, to: to!, openingId, kind }, values };
}
