import type { RoundFormat } from './library';
import { countWeekOf, type Load } from './panel-load';
import { suggestOrder, type Leaning } from './panel-suggestion';
import type { PickStatus, WarningFacts } from './panel-warnings';

// What the panel picker knows of each pickable person: nothing of anyone's feedback, only
// their qualification per format, their schedule and (for hiring staff) their leaning.

export interface PickerPerson {
	userId: number;
	name: string;
	/** Per round format of the loop; a format missing here means `none`. */
	statuses: Partial<Record<RoundFormat, PickStatus>>;
	load: Load;
	weeklyLimit: number | null;
	/** Start times of their interviews from this month on (cancelled loops aside), for week counts; empty without a limit. */
	seatTimes: number[];
	/** Only for viewers who may see calibration. */
	leaning?: Leaning;
}

/**
 * The facts the warning rules read, from picker data. `pending` are seats chosen but not yet
 * saved (who, and when): they count towards the week like saved ones.
 */
export function pickerFacts(
	people: readonly PickerPerson[],
	timeZone: string,
	pending: readonly { userId: number; at: number }[] = []
): WarningFacts {
	const byId = new Map(people.map((p) => [p.userId, p]));
	return {
		statusOf: (userId, format) => byId.get(userId)?.statuses[format] ?? 'none',
		weekOf: (userId, at) => {
			const person = byId.get(userId);
			const unsaved = pending.filter((p) => p.userId === userId).map((p) => p.at);
			const times = [...(person?.seatTimes ?? []), ...unsaved];
			return { count: countWeekOf(times, at, timeZone), limit: person?.weeklyLimit ?? null };
		}
	};
}

export interface PickerChoice {
	userId: number;
	name: string;
	status: PickStatus;
	load: Load;
	/** Why they stand where they do in the suggested order. */
	reason: string;
	suggested: boolean;
}

/**
 * The people for a round's picker in suggested order, the first marked suggested. `seated`:
 * who already sits on the loop's panel, whose leanings the balance looks at.
 */
export function pickerChoices(
	people: readonly PickerPerson[],
	format: RoundFormat,
	seated: readonly number[] = []
): PickerChoice[] {
	const byId = new Map(people.map((p) => [p.userId, p]));
	const panel = seated.map((id) => byId.get(id)?.leaning).filter((l): l is Leaning => l !== undefined);
	const statusOf = (p: PickerPerson): PickStatus => p.statuses[format] ?? 'none';
	const order = suggestOrder(
		people.map((p) => ({
			userId: p.userId,
			name: p.name,
			status: statusOf(p),
			load: p.load,
			leaning: p.leaning
		})),
		panel
	);
	return order.map(({ userId, reason }, place) => {
		const person = byId.get(userId)!;
		return {
			userId,
			name: person.name,
			status: statusOf(person),
			load: person.load,
			reason,
			suggested: place === 0
		};
	});
}

/** Choices grouped by standing, in order, for a picker's option groups. */
export function groupByStatus(
	choices: readonly PickerChoice[]
): { status: PickStatus; choices: PickerChoice[] }[] {
	const groups: { status: PickStatus; choices: PickerChoice[] }[] = [];
	for (const choice of choices) {
		const last = groups.at(-1);
		if (last?.status === choice.status) last.choices.push(choice);
		else groups.push({ status: choice.status, choices: [choice] });
	}
	return groups;
}
