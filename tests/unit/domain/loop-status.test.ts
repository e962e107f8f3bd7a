import { describe, expect, it } from 'vitest';
import { isLate, isOverdue, loopStatus, type LoopFacts } from '../../../src/lib/domain/loop-status';
import { hour } from '../../../src/lib/domain/time';

const t0 = Date.UTC(2026, 10, 24, 9);
const staffed: LoopFacts = {
	cancelledAt: null,
	decidedAt: null,
	rounds: 3,
	staffedRounds: 3,
	scorecards: 4,
	submitted: 0,
	firstStart: t0,
	lastEnd: t0 + 4 * hour
};

describe('loop status', () => {
	it('follows draft → scheduled → in progress → awaiting feedback → ready for debrief → decided', () => {
		expect(loopStatus({ ...staffed, staffedRounds: 2 }, t0 - hour)).toBe('draft');
		expect(loopStatus(staffed, t0 - hour)).toBe('scheduled');
		expect(loopStatus(staffed, t0 + hour)).toBe('in_progress');
		expect(loopStatus({ ...staffed, submitted: 3 }, t0 + 5 * hour)).toBe('awaiting_feedback');
		expect(loopStatus({ ...staffed, submitted: 4 }, t0 + 5 * hour)).toBe('ready_for_debrief');
		expect(loopStatus({ ...staffed, submitted: 4, decidedAt: t0 + 30 * hour }, t0 + 31 * hour)).toBe(
			'decided'
		);
		expect(loopStatus({ ...staffed, cancelledAt: t0 }, t0)).toBe('cancelled');
		expect(loopStatus({ ...staffed, rounds: 0, staffedRounds: 0, scorecards: 0 }, t0)).toBe('draft');
	});

	it('calls feedback overdue, and a submission late, 24 hours after the interview ends', () => {
		const interview = { scheduledAt: t0, durationMinutes: 60 };
		expect(isOverdue({ ...interview, status: 'draft' }, t0 + 25 * hour - 1)).toBe(false);
		expect(isOverdue({ ...interview, status: 'draft' }, t0 + 25 * hour + 1)).toBe(true);
		expect(isOverdue({ ...interview, status: 'submitted' }, t0 + 48 * hour)).toBe(false);
		expect(isLate({ ...interview, submittedAt: t0 + 25 * hour })).toBe(false);
		expect(isLate({ ...interview, submittedAt: t0 + 25 * hour + 1 })).toBe(true);
		expect(isLate({ ...interview, submittedAt: null })).toBe(false);
	});
});
