import type { ScorecardDocument } from './domain/scorecard';
import type { FlatScorecard } from './domain/scorecard-form';

/** The copy kept in this browser until the server confirms it. */
export interface LocalCopy {
	/** The version the edits started from, and what the server held at it (absent in copies of older releases). */
	version: number;
	base?: ScorecardDocument;
	values: FlatScorecard;
	dirty: boolean;
	at: number;
}

const keyOf = (scorecardId: number) => `panelist:scorecard:${scorecardId}`;

export function readLocalCopy(scorecardId: number): LocalCopy | null {
	try {
		const raw = localStorage.getItem(keyOf(scorecardId));
		return raw ? (JSON.parse(raw) as LocalCopy) : null;
	} catch {
		return null;
	}
}

export function writeLocalCopy(scorecardId: number, copy: Omit<LocalCopy, 'at'>): void {
	try {
		localStorage.setItem(keyOf(scorecardId), JSON.stringify({ ...copy, at: Date.now() }));
	} catch {
		// Storage full or disabled: the server copy is the only one.
	}
}

export function removeLocalCopy(scorecardId: number): void {
	try {
		localStorage.removeItem(keyOf(scorecardId));
	} catch {
		// nothing to remove
	}
}
