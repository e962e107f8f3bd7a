import { describe, expect, it } from 'vitest';
import { monthTotalsQueries } from '../../../src/lib/server/calibration/calibration';
import {
	competencySumsQuery,
	interviewerSumsQueries,
	type SumsFilter,
	type SumsGrouping
} from '../../../src/lib/server/calibration/calibration-sums';
import { engineOf } from '../../../src/lib/server/platform/engine/engine-of';
import { freshDb } from '../helpers/db';

// The SQL of the calibration sums, so that a change to one shows in review
// (`npx vitest run -u` rewrites the snapshots after a deliberate change).

const range = { from: Date.UTC(2026, 0, 15), to: Date.UTC(2026, 5, 10) };

function sumsSql(filter: SumsFilter, grouping: SumsGrouping) {
	const db = freshDb();
	const interviewer = interviewerSumsQueries(engineOf(db), filter, grouping);
	return {
		interviewerScorecards: interviewer.scorecards.compile(db).sql,
		interviewerRatings: interviewer.ratings.compile(db).sql,
		competencies: competencySumsQuery(engineOf(db), filter, grouping).compile(db).sql
	};
}

describe('the SQL of calibration sums', () => {
	it('over the whole organisation: the stored monthly totals, and the part-months counted directly', () => {
		const db = freshDb();
		const months = { from: Date.UTC(2026, 1, 1), until: Date.UTC(2026, 5, 1) };
		for (const kind of [undefined, 'technical' as const]) {
			const totals = monthTotalsQueries(db, months, kind);
			expect(totals.interviewers.compile().sql).toMatchSnapshot(`interviewer months, kind ${kind}`);
			expect(totals.competencies.compile().sql).toMatchSnapshot(`competency months, kind ${kind}`);
		}
		expect(sumsSql(range, 'subject')).toMatchSnapshot();
		expect(sumsSql({ ...range, kind: 'leadership' }, 'subject')).toMatchSnapshot();
	});

	it('limited to some openings or to oneself, counted directly from the rows', () => {
		expect(sumsSql({ ...range, openingIds: [3, 5] }, 'subject')).toMatchSnapshot();
		expect(sumsSql({ ...range, openingIds: [] }, 'subject')).toMatchSnapshot();
		expect(sumsSql({ ...range, interviewerId: 7 }, 'subject')).toMatchSnapshot();
	});

	it('per month for one interviewer or competency: the trends and the upkeep of the monthly totals', () => {
		const { interviewerScorecards, interviewerRatings } = sumsSql({ ...range, interviewerId: 7 }, 'month');
		expect({ interviewerScorecards, interviewerRatings }).toMatchSnapshot();
		expect(sumsSql({ ...range, competencyId: 11 }, 'month').competencies).toMatchSnapshot();
	});
});
