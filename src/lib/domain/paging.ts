/** Rows per page in candidate lists, shared by the server query and the pager. */
export const candidatesPerPage = 50;

/** Interviewers per page on the calibration page (a large company has thousands). */
export const interviewersPerPage = 50;

/** Past this a page number is read as this one (an empty page), so offsets stay exact integers. */
export const maxPage = 999_999;

/**
 * A page number from a query string, clamped: anything that is not digits is page 1, and
 * a number past maxPage is maxPage. Pages are links people edit, so no value is an error.
 */
export function pageFromQuery(raw: string | null): number {
	if (raw === null || !/^[0-9]+$/.test(raw)) return 1;
	return Math.min(Math.max(Number(raw), 1), maxPage);
}
