import { describe, expect, it } from 'vitest';
import { pageOfInterviewers } from '../../../src/lib/domain/calibration';
import { interviewersPerPage } from '../../../src/lib/domain/paging';

const people = Array.from({ length: 120 }, (_, i) => ({
	name: `${i % 2 ? 'Ana' : 'Bo'} ${String(i).padStart(3, '0')}`,
	scorecards: i,
	meanRating: i % 10 === 0 ? null : 1 + (i % 4),
	leniency: { leniency: (i - 60) / 100 },
	decisionMatch: { matched: 0, decided: 0 },
	lateShare: null,
	notAssessedShare: null,
	medianHoursToSubmit: null
}));

describe('the calibration page’s interviewer table', () => {
	it('sorts everyone before cutting a page, so page 2 continues page 1', () => {
		const view = { q: '', sort: 'scorecards' as const, dir: 'desc' as const };
		const first = pageOfInterviewers(people, { ...view, page: 1 });
		const second = pageOfInterviewers(people, { ...view, page: 2 });
		expect(first).toMatchObject({ count: 120, page: 1, pages: Math.ceil(120 / interviewersPerPage) });
		expect(first.interviewers).toHaveLength(interviewersPerPage);
		expect(first.interviewers[0]!.scorecards).toBe(119);
		expect(second.interviewers[0]!.scorecards).toBe(119 - interviewersPerPage);
	});

	it('finds interviewers by part of their name, ignoring case', () => {
		const found = pageOfInterviewers(people, { q: ' ana 00', sort: 'name', dir: 'asc', page: 1 });
		expect(found.interviewers.map((i) => i.name)).toEqual([
			'Ana 001',
			'Ana 003',
			'Ana 005',
			'Ana 007',
			'Ana 009'
		]);
		expect(found).toMatchObject({ count: 5, pages: 1 });
	});

	it('shows the last page for a page past the end, and the first for nonsense', () => {
		const view = { q: '', sort: 'name' as const, dir: 'asc' as const };
		expect(pageOfInterviewers(people, { ...view, page: 99 }).page).toBe(3);
		expect(pageOfInterviewers(people, { ...view, page: Number('x') }).page).toBe(1);
		expect(pageOfInterviewers(people, { ...view, page: -4 }).page).toBe(1);
		expect(pageOfInterviewers([], { ...view, page: 1 })).toMatchObject({
			interviewers: [],
			count: 0,
			pages: 1
		});
	});
});
