export type SortDirection = 'asc' | 'desc';

/** How a column is sorted now, in aria-sort's words; undefined when the table is sorted by another. */
export function sortedAs<K>(key: K, sort: K, dir: SortDirection): 'ascending' | 'descending' | undefined {
	if (sort !== key) return undefined;
	return dir === 'asc' ? 'ascending' : 'descending';
}

/** The direction a column's link asks for: the other one when the table is sorted by it already. */
export function nextDirection<K>(key: K, sort: K, dir: SortDirection): SortDirection {
	return sort === key && dir === 'asc' ? 'desc' : 'asc';
}

/**
 * Sorts rows by a column's value, empty values last in either direction; ties (and two empty
 * values) fall back to the name, so the order never depends on how the rows came in.
 */
export function sortByColumn<T>(
	rows: readonly T[],
	value: (row: T) => string | number | null,
	name: (row: T) => string,
	dir: SortDirection
): T[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		if (x === null && y === null) return name(a).localeCompare(name(b));
		if (x === null) return 1;
		if (y === null) return -1;
		const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
		return order * sign || name(a).localeCompare(name(b));
	});
}
