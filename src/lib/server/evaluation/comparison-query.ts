import { parseSortKey, sortComparison } from '../../domain/comparison';
import type { SortDirection } from '../../domain/sorting';
import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { getComparison } from './comparison';
import { getOpening } from '../hiring/openings';

/** The comparison as a page or a CSV asks for it: `?sort=`, `?dir=`, `?candidate=` (repeated). */
export async function comparisonFromQuery(
	db: DB,
	actor: AuthUser,
	openingId: number,
	params: URLSearchParams
) {
	const opening = await getOpening(db, actor, openingId);
	const candidateIds = params
		.getAll('candidate')
		.map(Number)
		.filter((n) => Number.isSafeInteger(n) && n > 0);
	const adjusted = params.get('adjusted') === '1';
	const comparison = await getComparison(db, actor, openingId, { candidateIds, adjusted });
	const sort = parseSortKey(
		params.get('sort'),
		comparison.competencies.map((c) => c.id)
	);
	const dir: SortDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';
	return {
		opening,
		...comparison,
		rows: sortComparison(comparison.rows, sort, dir),
		sort,
		dir,
		candidateIds,
		adjusted
	};
}
