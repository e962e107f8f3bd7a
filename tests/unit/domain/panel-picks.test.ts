import { describe, expect, it } from 'vitest';
import { countWeekOf, monthRange, weeklyLimitSchema } from '../../../src/lib/domain/panel-load';
import {
	groupByStatus,
	pickerChoices,
	pickerFacts,
	type PickerPerson
} from '../../../src/lib/domain/panel-picker';
import { leaningOf, suggestOrder, type Pickable } from '../../../src/lib/domain/panel-suggestion';
import { findPanelWarnings, type WarningRound } from '../../../src/lib/domain/panel-warnings';

const berlin = 'Europe/Berlin';
const losAngeles = 'America/Los_Angeles';
// Sunday 6 December 2026, 23:30 UTC: Monday 00:30 in Berlin, Sunday 15:30 in Los Angeles.
const lateSunday = Date.UTC(2026, 11, 6, 23, 30);
const sundayNoon = Date.UTC(2026, 11, 6, 12);

describe('interview load in the viewer’s weeks and months', () => {
	it('an interview at 23:30 UTC on a Sunday is next week in Berlin and this week in Los Angeles', () => {
		expect(countWeekOf([lateSunday], sundayNoon, berlin)).toBe(0);
		expect(countWeekOf([lateSunday], sundayNoon, losAngeles)).toBe(1);
		// Seen from the Monday after, the other way round.
		const mondayNoon = Date.UTC(2026, 11, 7, 12);
		expect(countWeekOf([lateSunday], mondayNoon, berlin)).toBe(1);
		expect(countWeekOf([lateSunday], mondayNoon, losAngeles)).toBe(0);
	});

	it('the last evening of a month in UTC is already next month east of Greenwich', () => {
		const lastEvening = Date.UTC(2026, 10, 30, 23, 30);
		const [, berlinEnd] = monthRange(Date.UTC(2026, 10, 30, 12), berlin);
		const [, losAngelesEnd] = monthRange(Date.UTC(2026, 10, 30, 12), losAngeles);
		expect(lastEvening >= berlinEnd).toBe(true);
		expect(lastEvening < losAngelesEnd).toBe(true);
		expect(berlinEnd).toBe(Date.UTC(2026, 10, 30, 23));
	});

	it('counts every interview of the week, Monday to Sunday', () => {
		const monday = Date.UTC(2026, 11, 7, 8);
		const times = [monday, monday + 86_400_000, monday + 6 * 86_400_000, monday + 7 * 86_400_000];
		expect(countWeekOf(times, monday + 3 * 86_400_000, 'UTC')).toBe(3);
	});
});

const person = (userId: number, name: string, over: Partial<PickerPerson> = {}): PickerPerson => ({
	userId,
	name,
	statuses: {},
	load: { week: 0, month: 0 },
	weeklyLimit: null,
	seatTimes: [],
	...over
});

const at = Date.UTC(2026, 11, 8, 9);
const round = (seats: WarningRound['seats']): WarningRound => ({
	id: 7,
	title: 'Coding',
	format: 'coding',
	seats
});

describe('panel warnings', () => {
	const ann = person(1, 'Ann', { statuses: { coding: 'qualified' } });
	const tom = person(2, 'Tom', { statuses: { coding: 'trainee' } });
	const lia = person(3, 'Lia', { statuses: { coding: 'lapsed' } });
	const noa = person(4, 'Noa', { statuses: { system_design: 'qualified' } });
	const facts = pickerFacts([ann, tom, lia, noa], 'UTC');

	it('flags an interviewer seat held by a trainee, a lapsed or an unqualified person, not a qualified one', () => {
		const seats = [ann, tom, lia, noa].map((p) => ({
			userId: p.userId,
			name: p.name,
			role: 'interviewer' as const,
			scheduledAt: at
		}));
		expect(findPanelWarnings([round(seats)], facts).map((w) => [w.kind, w.userId, w.message])).toEqual([
			['unqualified_interviewer', 2, 'Tom interviews in Coding but is a trainee for Coding'],
			['unqualified_interviewer', 3, 'Lia interviews in Coding but is lapsed for Coding'],
			['unqualified_interviewer', 4, 'Noa interviews in Coding but is not qualified for Coding']
		]);
	});

	it('flags a shadow or reverse shadow only while no qualified interviewer sits on the round', () => {
		const shadow = { userId: 2, name: 'Tom', role: 'shadow' as const, scheduledAt: at };
		const lapsedInterviewer = { userId: 3, name: 'Lia', role: 'interviewer' as const, scheduledAt: at };
		const alone = findPanelWarnings([round([shadow, lapsedInterviewer])], facts);
		expect(alone.filter((w) => w.kind === 'trainee_alone')).toEqual([
			{
				kind: 'trainee_alone',
				roundId: 7,
				userId: 2,
				message: 'Tom practises in Coding without a qualified Coding interviewer beside them'
			}
		]);
		const reverse = { ...shadow, role: 'reverse_shadow' as const };
		const withAnn = { userId: 1, name: 'Ann', role: 'interviewer' as const, scheduledAt: at };
		expect(findPanelWarnings([round([reverse, withAnn])], facts)).toEqual([]);
	});

	it('flags someone whose week holds more interviews than their limit, counting unsaved seats; no limit, no warning', () => {
		const busy = person(5, 'Bo', {
			statuses: { coding: 'qualified' },
			weeklyLimit: 2,
			seatTimes: [at - 86_400_000, at + 86_400_000]
		});
		const free = person(6, 'Cy', { statuses: { coding: 'qualified' }, seatTimes: [at, at, at] });
		const seat = (p: PickerPerson) => ({
			userId: p.userId,
			name: p.name,
			role: 'interviewer' as const,
			scheduledAt: at
		});
		const rounds = [round([seat(busy), seat(free)])];
		const pending = [{ userId: 5, at }];
		expect(findPanelWarnings(rounds, pickerFacts([busy, free], 'UTC', pending))).toEqual([
			{
				kind: 'over_weekly_limit',
				roundId: 7,
				userId: 5,
				message: 'Bo has 3 interviews in the week of Coding, over their limit of 2'
			}
		]);
		// At the limit is not over it.
		expect(findPanelWarnings(rounds, pickerFacts([busy, free], 'UTC'))).toEqual([]);
	});
});

describe('the suggested order', () => {
	const pickable = (userId: number, name: string, over: Partial<Pickable>): Pickable => ({
		userId,
		name,
		status: 'qualified',
		load: { week: 0, month: 0 },
		...over
	});

	it('puts the qualified first, then the lighter week, then the lighter month, and says why', () => {
		const people = [
			pickable(1, 'Ann', { status: 'trainee' }),
			pickable(2, 'Bo', { load: { week: 2, month: 2 } }),
			pickable(3, 'Cy', { load: { week: 1, month: 5 } }),
			pickable(4, 'Di', { load: { week: 1, month: 3 } }),
			pickable(5, 'Ed', { status: 'none' }),
			pickable(6, 'Fa', { status: 'lapsed' })
		];
		expect(suggestOrder(people).map((s) => [s.userId, s.reason])).toEqual([
			[4, 'qualified, 1 this week, 3 this month'],
			[3, 'qualified, 1 this week, 5 this month'],
			[2, 'qualified, 2 this week, 2 this month'],
			[6, 'lapsed, 0 this week, 0 this month'],
			[1, 'trainee, 0 this week, 0 this month'],
			[5, 'not qualified, 0 this week, 0 this month']
		]);
	});

	it('among equals, passes over someone who would make the panel all lenient, or all severe', () => {
		const people = [
			pickable(1, 'Ann', { leaning: 'lenient' }),
			pickable(2, 'Bo', { leaning: 'neutral' }),
			pickable(3, 'Cy', { leaning: 'severe' })
		];
		expect(suggestOrder(people, ['lenient', 'lenient']).map((s) => s.userId)).toEqual([2, 3, 1]);
		expect(suggestOrder(people, ['lenient', 'lenient'])[2]!.reason).toBe(
			'qualified, 0 this week, 0 this month, would make the panel all lenient'
		);
		expect(suggestOrder(people, ['severe']).map((s) => s.userId)).toEqual([1, 2, 3]);
		// A mixed or empty panel has nothing to balance: by name.
		expect(suggestOrder(people, ['lenient', 'severe']).map((s) => s.userId)).toEqual([1, 2, 3]);
		expect(suggestOrder(people, []).map((s) => s.userId)).toEqual([1, 2, 3]);
		// Balance never beats load.
		const busyNeutral = pickable(2, 'Bo', { leaning: 'neutral', load: { week: 1, month: 1 } });
		expect(suggestOrder([people[0]!, busyNeutral], ['lenient']).map((s) => s.userId)).toEqual([1, 2]);
	});

	it('leans only where the leniency interval lies clearly away from zero; no data is neutral', () => {
		expect(leaningOf([0.1, 0.9])).toBe('lenient');
		expect(leaningOf([-0.9, -0.2])).toBe('severe');
		expect(leaningOf([-0.3, 0.8])).toBe('neutral');
		expect(leaningOf(null)).toBe('neutral');
	});
});

describe('the picker’s choices for a round', () => {
	it('groups people by their standing in the round’s format, suggests the first, and weighs only the leanings seated', () => {
		const people = [
			person(1, 'Ann', {
				statuses: { coding: 'qualified' },
				load: { week: 1, month: 1 },
				leaning: 'lenient'
			}),
			person(2, 'Bo', { statuses: { coding: 'trainee', system_design: 'qualified' } }),
			person(3, 'Cy', { statuses: { coding: 'qualified' }, load: { week: 1, month: 1 }, leaning: 'neutral' }),
			person(4, 'Di', { leaning: 'lenient' })
		];
		const coding = pickerChoices(people, 'coding');
		expect(coding.map((c) => [c.name, c.status, c.suggested])).toEqual([
			['Ann', 'qualified', true],
			['Cy', 'qualified', false],
			['Bo', 'trainee', false],
			['Di', 'none', false]
		]);
		expect(groupByStatus(coding).map((g) => [g.status, g.choices.map((c) => c.name)])).toEqual([
			['qualified', ['Ann', 'Cy']],
			['trainee', ['Bo']],
			['none', ['Di']]
		]);
		// With lenient Di already on the panel, Cy comes before Ann.
		expect(pickerChoices(people, 'coding', [4]).map((c) => c.name)).toEqual(['Cy', 'Ann', 'Bo', 'Di']);
		expect(pickerChoices(people, 'system_design')[0]!.name).toBe('Bo');
	});
});

describe('the weekly limit form', () => {
	it('reads an empty limit as none and refuses what is not a sensible weekly count', () => {
		expect(weeklyLimitSchema.parse({ userId: '3', limit: '' })).toEqual({ userId: 3, limit: null });
		expect(weeklyLimitSchema.parse({ userId: '3', limit: '4' })).toEqual({ userId: 3, limit: 4 });
		for (const limit of ['0', '2.5', '41', 'many']) {
			expect(weeklyLimitSchema.safeParse({ userId: '3', limit }).success).toBe(false);
		}
	});
});
