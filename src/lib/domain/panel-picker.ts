import type { RoundFormat } from './library';
import { countWeekOf, type Load } from './panel-load';
import type { Leaning } from './panel-suggestion';
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
	/** Start times of their interviews around now (cancelled loops aside), for week counts; empty without a limit. */
	seatTimes: number[];
	/** Only for viewers who may see calibration. */
	leaning?: Leaning;
}

/**
 * The facts the warning rules read, from picker data. `pending` are seats chosen but not yet
 * saved (per person, their start times): they count towards the week like saved ones.
 */
export function pickerFacts(
	people: readonly PickerPerson[],
	timeZone: string,
	pending: ReadonlyMap<number, readonly number[]> = new Map()
): WarningFacts {
	const byId = new Map(people.map((p) => [p.userId, p]));
	return {
		statusOf: (userId, format) => byId.get(userId)?.statuses[format] ?? 'none',
		weekOf: (userId, at) => {
			const person = byId.get(userId);
			const times = [...(person?.seatTimes ?? []), ...(pending.get(userId) ?? [])];
			return { count: countWeekOf(times, at, timeZone), limit: person?.weeklyLimit ?? null };
		}
	};
}
