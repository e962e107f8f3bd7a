import { describe, expect, it } from 'vitest';
import { defaultRoundTimes, panelFromForm } from '../../../src/lib/domain/panel-form';

const minute = 60_000;
const nine = Date.UTC(2030, 4, 6, 9);

describe('round times by the loop’s day', () => {
	it('puts a round without a time straight after the round before it, or before the next', () => {
		const rounds = [
			{ durationMinutes: 45, scheduledAt: null },
			{ durationMinutes: 60, scheduledAt: nine },
			{ durationMinutes: 30, scheduledAt: null },
			{ durationMinutes: 45, scheduledAt: null }
		];
		expect(defaultRoundTimes(rounds)).toEqual([
			nine - 45 * minute,
			nine,
			nine + 60 * minute,
			nine + 90 * minute
		]);
		expect(defaultRoundTimes([{ durationMinutes: 45, scheduledAt: null }])).toEqual([null]);
	});

	it('gives a staffed round left without a time the loop’s day when the form is read', () => {
		const form = new FormData();
		form.append('round-0-interviewers', '7');
		form.append('round-0-scheduledAt', '2030-05-06T09:00');
		form.append('round-1-interviewers', '8');
		form.append('round-1-scheduledAt', '');
		const { entries, errors } = panelFromForm(
			form,
			[{ durationMinutes: 60 }, { durationMinutes: 45 }],
			'UTC'
		);
		expect(errors).toEqual({});
		expect(entries).toEqual([
			{ round: 0, interviewerIds: [7], scheduledAt: nine },
			{ round: 1, interviewerIds: [8], scheduledAt: nine + 60 * minute }
		]);
	});

	it('still asks for a time when no round of the loop has one', () => {
		const form = new FormData();
		form.append('round-0-interviewers', '7');
		const { entries, errors } = panelFromForm(form, [{ durationMinutes: 60 }], 'UTC');
		expect(entries).toEqual([]);
		expect(errors).toEqual({ 'round-0-scheduledAt': 'Enter the date and time of this interview' });
	});
});
