import type { ScorecardDocument } from './scorecard';
import { flatten, type FlatScorecard } from './scorecard-form';

// Two tabs or devices editing one scorecard: each side started from a version the server
// had (the base). A field only one side changed takes that side's value; a field both sides
// changed alike takes it; only a field both changed differently needs the person to choose.

/** A field both sides changed, and not to the same value. */
export interface FieldConflict {
	key: string;
	base: string;
	mine: string;
	theirs: string;
}

export interface ScorecardMerge {
	/** Every field merged; a conflicting field holds this side's value until a choice replaces it. */
	merged: FlatScorecard;
	conflicts: FieldConflict[];
}

export type MergeChoice = 'mine' | 'theirs' | 'both';

/** The flat fields of a document, with every key either side has (absent = empty). */
function fieldsOf(...docs: ScorecardDocument[]): FlatScorecard[] {
	const flats = docs.map(flatten);
	const keys = new Set(flats.flatMap((flat) => Object.keys(flat)));
	return flats.map((flat) => Object.fromEntries([...keys].map((key) => [key, flat[key] ?? ''])));
}

/** Three-way merge of this side's copy and theirs, both started from `base`. */
export function mergeScorecards(
	base: ScorecardDocument,
	mine: ScorecardDocument,
	theirs: ScorecardDocument
): ScorecardMerge {
	const [b, m, t] = fieldsOf(base, mine, theirs) as [FlatScorecard, FlatScorecard, FlatScorecard];
	const merged: FlatScorecard = {};
	const conflicts: FieldConflict[] = [];
	for (const key of Object.keys(b)) {
		const [was, ours, other] = [b[key]!, m[key]!, t[key]!];
		if (ours === other || other === was) merged[key] = ours;
		else if (ours === was) merged[key] = other;
		else {
			merged[key] = ours;
			conflicts.push({ key, base: was, mine: ours, theirs: other });
		}
	}
	return { merged, conflicts };
}

/** Whether both documents hold the same scorecard (the order of keys aside). */
export function sameScorecard(a: ScorecardDocument, b: ScorecardDocument): boolean {
	const [x, y] = fieldsOf(a, b) as [FlatScorecard, FlatScorecard];
	return Object.keys(x).every((key) => x[key] === y[key]);
}

/** Text can be kept twice over; a rating or recommendation is one choice or the other. */
export function canKeepBoth(key: string): boolean {
	return !(key === 'recommendation' || key.startsWith('rating.'));
}

/** Both texts, this side's first, so neither is lost. */
export function keepBoth(mine: string, theirs: string): string {
	return [mine, theirs].filter((text) => text.trim()).join('\n\n');
}

/**
 * The merge with the person's choice applied to each conflicting field; null while a
 * conflict has no choice (nothing is chosen for them).
 */
export function resolveMerge(
	merge: ScorecardMerge,
	choices: Record<string, MergeChoice | undefined>
): FlatScorecard | null {
	const resolved = { ...merge.merged };
	for (const { key, mine, theirs } of merge.conflicts) {
		const choice = choices[key];
		if (!choice || (choice === 'both' && !canKeepBoth(key))) return null;
		resolved[key] = choice === 'mine' ? mine : choice === 'theirs' ? theirs : keepBoth(mine, theirs);
	}
	return resolved;
}
