import { describe, expect, it } from 'vitest';
import { describeViewerRole } from '../../../src/lib/domain/roles';

describe('the role line of the top bar', () => {
	it('is the stored role alone for someone who manages no opening', () => {
		expect(describeViewerRole('recruiter', [])).toBe('Recruiter');
	});

	it('names the openings someone is hiring manager of', () => {
		expect(describeViewerRole('interviewer', ['Backend Engineer'])).toBe(
			'Interviewer · Hiring manager of Backend Engineer'
		);
		expect(describeViewerRole('admin', ['Backend Engineer', 'Data Engineer'])).toBe(
			'Admin · Hiring manager of Backend Engineer and Data Engineer'
		);
	});

	it('counts the rest when there are more than two', () => {
		expect(describeViewerRole('interviewer', ['A', 'B', 'C', 'D'])).toBe(
			'Interviewer · Hiring manager of A, B and 2 more'
		);
	});
});
