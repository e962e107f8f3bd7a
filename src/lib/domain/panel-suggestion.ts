import type { Load } from './panel-load';
import type { PickStatus } from './panel-warnings';

// The suggested order of people for a round: qualified first, then the lighter load this
// week and month, then calibration balance (nobody who would make the panel all lenient or
// all severe). Each place carries its reason, so the suggestion can be checked by eye.

/** Leaning from a leniency interval: only an interval clearly away from zero leans; little data is neutral. */
export type Leaning = 'lenient' | 'severe' | 'neutral';

export function leaningOf(ci: readonly [number, number] | null): Leaning {
	if (ci === null) return 'neutral';
	if (ci[0] > 0) return 'lenient';
	if (ci[1] < 0) return 'severe';
	return 'neutral';
}

const statusRank: Record<PickStatus, number> = { qualified: 0, lapsed: 1, trainee: 2, none: 3 };
const statusWords: Record<PickStatus, string> = {
	qualified: 'qualified',
	lapsed: 'lapsed',
	trainee: 'trainee',
	none: 'not qualified'
};

export interface Pickable {
	userId: number;
	name: string;
	status: PickStatus;
	load: Load;
	/** Absent where the viewer may not see calibration: then the order ignores it. */
	leaning?: Leaning;
}

export interface Suggestion {
	userId: number;
	reason: string;
	/** Whether they would make the panel all lenient or all severe. */
	tips: boolean;
}

/** Whether adding someone of this leaning leaves a panel (already seated: `panel`) all lenient or all severe. */
function tipsPanel(leaning: Leaning | undefined, panel: readonly Leaning[]): boolean {
	if (leaning === undefined || leaning === 'neutral' || !panel.length) return false;
	return panel.every((l) => l === leaning);
}

/** Everyone in suggested order, with why. `panel`: the leanings of those already on the loop's panel. */
export function suggestOrder(people: readonly Pickable[], panel: readonly Leaning[] = []): Suggestion[] {
	const keyed = people.map((p) => ({ p, tips: tipsPanel(p.leaning, panel) }));
	keyed.sort(
		(a, b) =>
			statusRank[a.p.status] - statusRank[b.p.status] ||
			a.p.load.week - b.p.load.week ||
			a.p.load.month - b.p.load.month ||
			Number(a.tips) - Number(b.tips) ||
			a.p.name.localeCompare(b.p.name) ||
			a.p.userId - b.p.userId
	);
	return keyed.map(({ p, tips }) => ({
		userId: p.userId,
		tips,
		reason:
			`${statusWords[p.status]}, ${p.load.week} this week, ${p.load.month} this month` +
			(tips ? `, would make the panel all ${p.leaning}` : '')
	}));
}
