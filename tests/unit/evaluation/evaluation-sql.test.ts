import { describe, expect, it } from 'vitest';
import { comparisonQueries } from '../../../src/lib/server/evaluation/comparison';
import { loopResultsQueries } from '../../../src/lib/server/evaluation/results';
import { freshDb } from '../helpers/db';

// The SQL of the hot and complex reads, so that a change to one shows in review
// (`npx vitest run -u` rewrites the snapshots after a deliberate change).

describe('the SQL of', () => {
	it('a loop’s results: the loop, its competencies, scorecards, ratings and decisions', () => {
		const queries = loopResultsQueries(freshDb(), 42);
		for (const [name, query] of Object.entries(queries)) {
			const { sql, parameters } = query.compile();
			expect(sql).toMatchSnapshot(name);
			// The panel's cards only: practice seats never count (decision 030).
			expect(parameters).toEqual(name === 'scorecards' ? [42, 'interviewer'] : [42]);
		}
	});

	it('a comparison of loops: competencies, means, recommendations and the ratings behind adjusted means', () => {
		const queries = comparisonQueries(freshDb(), [3, 5, 8]);
		for (const [name, query] of Object.entries(queries)) {
			const { sql, parameters } = query.compile();
			expect(sql).toMatchSnapshot(name);
			expect(parameters.slice(0, 3)).toEqual([3, 5, 8]);
		}
	});
});
