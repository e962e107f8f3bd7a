import type { ScorecardDocument, WireDocument } from './domain/scorecard';
import type { FlatScorecard } from './domain/scorecard-form';

// What the tabs of one browser share about a scorecard. Each tab keeps its own copy until
// the server confirms it, so two tabs that cannot reach the server never overwrite each
// other's unsent text. A tab holds a Web Lock named like its copy while the scorecard is
// open in it; a copy nobody holds was left behind (a closed or crashed tab) and is taken
// over by the next tab that opens the scorecard. Each save is announced to the other tabs.

export interface LocalCopy {
	/** The version the edits started from, and what the server held at it (absent in copies of older releases). */
	version: number;
	base?: ScorecardDocument;
	values: FlatScorecard;
	dirty: boolean;
	at: number;
}

export interface StoredCopy {
	key: string;
	copy: LocalCopy;
	/** Written by this tab (before a reload, say). */
	own: boolean;
}

const prefix = (scorecardId: number) => `panelist:scorecard:${scorecardId}`;

/** This tab's id: kept for the tab's life, across reloads, so a reload finds its own copy. */
export function tabId(): string {
	try {
		let id = sessionStorage.getItem('panelist:tab');
		if (!id) {
			id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
			sessionStorage.setItem('panelist:tab', id);
		}
		return id;
	} catch {
		return Math.random().toString(36).slice(2);
	}
}

/** Marks this tab's copy as in use until the returned function is called or the page dies. */
export function holdLocalCopy(scorecardId: number, tab: string): () => void {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	void navigator.locks?.request(`${prefix(scorecardId)}:${tab}`, () => held).catch(() => undefined);
	return release;
}

/**
 * This tab's copy and the copies of tabs that are gone, oldest first. Without Web Locks
 * (an insecure origin) every other tab's copy counts as left behind: taking over a live
 * tab's copy only sends its text twice.
 */
export async function readLocalCopies(scorecardId: number, tab: string): Promise<StoredCopy[]> {
	const live = new Set<string>();
	try {
		const locks = await navigator.locks?.query();
		for (const lock of [...(locks?.held ?? []), ...(locks?.pending ?? [])])
			if (lock.name) live.add(lock.name);
	} catch {
		// no lock manager: nothing counts as live
	}
	const own = `${prefix(scorecardId)}:${tab}`;
	const copies: StoredCopy[] = [];
	try {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			if (!key || !(key === prefix(scorecardId) || key.startsWith(`${prefix(scorecardId)}:`))) continue;
			if (key !== own && live.has(key)) continue;
			const copy = JSON.parse(localStorage.getItem(key) ?? 'null') as LocalCopy | null;
			if (copy) copies.push({ key, copy, own: key === own });
		}
	} catch {
		// storage disabled or a copy unreadable: the server copy is the one there is
	}
	return copies.sort((a, b) => Number(b.own) - Number(a.own) || a.copy.at - b.copy.at);
}

export function writeLocalCopy(scorecardId: number, tab: string, copy: Omit<LocalCopy, 'at'>): void {
	try {
		localStorage.setItem(`${prefix(scorecardId)}:${tab}`, JSON.stringify({ ...copy, at: Date.now() }));
	} catch {
		// Storage full or disabled: the server copy is the only one.
	}
}

export function removeLocalCopy(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// nothing to remove
	}
}

/** Every copy of the scorecard, this tab's and any left behind (it is submitted). */
export function removeLocalCopies(scorecardId: number): void {
	try {
		const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
		for (const key of keys)
			if (key === prefix(scorecardId) || key?.startsWith(`${prefix(scorecardId)}:`)) removeLocalCopy(key);
	} catch {
		// nothing to remove
	}
}

/** What a tab tells the other tabs of this browser after each save. */
export interface SavedNews {
	version: number;
	document: WireDocument;
}

/** Hears the other tabs' saves and announces this tab's; null where browsers cannot. */
export function openSaveChannel(scorecardId: number, hear: (news: SavedNews) => void) {
	if (typeof BroadcastChannel !== 'function') return null;
	const channel = new BroadcastChannel(prefix(scorecardId));
	channel.onmessage = (event: MessageEvent<SavedNews>) => hear(event.data);
	return {
		announce: (news: SavedNews) => channel.postMessage(news),
		close: () => channel.close()
	};
}
