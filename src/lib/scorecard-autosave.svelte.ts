import { emptyDocument, fromWire, type ScorecardDocument } from './domain/scorecard';
import { unflatten, type FlatScorecard } from './domain/scorecard-form';
import { mergeScorecards, resolveMerge, sameScorecard, type MergeChoice } from './domain/scorecard-merge';
import { ScorecardSaveLoop } from './scorecard-save-loop.svelte';
import { readLocalCopies, removeLocalCopy, type SavedNews } from './scorecard-tabs';

export type { SaveState } from './scorecard-save-loop.svelte';

/**
 * Keeps a scorecard saved while the interviewer types (the sending is ScorecardSaveLoop's).
 * The tab remembers what the server held at its version (the base); when another tab or
 * device saved first (a 409, or a message from a tab of this browser) the two copies are
 * merged three ways from that base, and only fields changed differently on both sides are
 * asked about.
 */
export class ScorecardAutosave extends ScorecardSaveLoop {
	/** A version saved elsewhere that changes fields this tab changed too. */
	conflict: { theirs: ScorecardDocument; theirsVersion: number } | null = $state(null);
	/** A save announced by another tab while this one was sending. */
	#news: SavedNews | null = null;

	/**
	 * After connecting: bring back what the server never got (a crash, a closed tab, offline),
	 * from this tab's copy and any a closed tab left behind, each merged three ways from the
	 * version it started from.
	 */
	async restore(server: {
		version: number;
		document: ScorecardDocument;
	}): Promise<'restored' | 'conflict' | 'none'> {
		let restored = false;
		for (const { key, copy, own } of await readLocalCopies(this.scorecardId, this.tab)) {
			const base = copy.base ?? (copy.version === server.version ? server.document : emptyDocument);
			const current = unflatten(this.values, this.round);
			const merge = copy.dirty && mergeScorecards(base, unflatten(copy.values, this.round), current);
			if (merge && merge.conflicts.length) {
				// One question at a time: copies after this one wait for the next load.
				if (restored) break;
				Object.assign(this.values, copy.values);
				this.version = copy.version;
				this.base = base;
				this.learn(server.document, server.version);
			} else if (merge) {
				this.#apply(merge.merged);
				restored ||= !sameScorecard(unflatten(this.values, this.round), current);
			}
			// This tab's copy now holds the text; the one left behind can go.
			this.writeLocal(true);
			if (!own) removeLocalCopy(key);
			if (this.conflict) return 'conflict';
		}
		if (restored) this.tell({ type: 'restored' });
		this.settle(false);
		return restored ? 'restored' : 'none';
	}

	/** Another tab or device saved `theirs`: merge it into this tab's copy. */
	protected learn(theirs: ScorecardDocument, theirsVersion: number): void {
		// A save whose answer was lost did arrive: it is this tab's own, not a conflict.
		if (this.unanswered.some((doc) => sameScorecard(doc, theirs))) {
			this.confirm(theirsVersion, theirs);
			return;
		}
		if (this.conflict) {
			this.conflict = { theirs, theirsVersion };
			return;
		}
		const merge = mergeScorecards(this.base, unflatten(this.values, this.round), theirs);
		if (merge.conflicts.length) {
			this.conflict = { theirs, theirsVersion };
			this.tell({ type: 'conflict' });
			this.writeLocal(true);
			return;
		}
		this.#apply(merge.merged);
		this.adopt(theirsVersion, theirs);
		this.settle();
	}

	protected heard(news: SavedNews): void {
		if (news.version <= Math.max(this.version, this.conflict?.theirsVersion ?? 0)) return;
		if (this.sending) this.#news = news;
		else this.learn(fromWire(news.document), news.version);
	}

	protected override afterSend(): void {
		const news = this.#news;
		this.#news = null;
		if (news) this.heard(news);
	}

	/** The person chose what to keep for every field changed differently on both sides. */
	resolve(choices: Record<string, MergeChoice | undefined>): boolean {
		if (!this.conflict) return false;
		const { theirs, theirsVersion } = this.conflict;
		const resolved = resolveMerge(
			mergeScorecards(this.base, unflatten(this.values, this.round), theirs),
			choices
		);
		if (!resolved) return false;
		this.#apply(resolved);
		this.adopt(theirsVersion, theirs);
		this.conflict = null;
		this.tell({ type: 'resolved' });
		void this.save();
		return true;
	}

	#apply(fields: FlatScorecard): void {
		for (const [key, value] of Object.entries(fields)) this.values[key] = value;
	}
}
