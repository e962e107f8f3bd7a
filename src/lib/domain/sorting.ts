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
