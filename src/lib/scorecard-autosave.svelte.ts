import {
	emptyDocument,
	fromWire,
	toWire,
	type ScorecardDocument,
	type ScorecardRound
} from './domain/scorecard';
import { flatten, unflatten, type FlatScorecard } from './domain/scorecard-form';
import { initialSaveStatus, nextSaveStatus, type SaveEvent, type SaveStatus } from './domain/save-status';
import { mergeScorecards, resolveMerge, sameScorecard, type MergeChoice } from './domain/scorecard-merge';
import { sendLastCopy, sendScorecard, type SaveAnswer } from './scorecard-save-request';
import {
	holdLocalCopy,
	openSaveChannel,
	readLocalCopies,
	removeLocalCopies,
	removeLocalCopy,
	tabId,
	writeLocalCopy,
	type SavedNews
} from './scorecard-tabs';

export type SaveState = SaveStatus['kind'];

const debounceMs = 700;
const retryMs = 5_000;

/**
 * Keeps a scorecard saved while the interviewer types: every change is written to
 * localStorage at once, and to the server 0.7 s after typing stops, with the version it is
 * based on. The tab remembers what the server held at that version (the base); when another
 * tab or device saved first (a 409, or a message from a tab of this browser) the two copies
 * are merged three ways from that base, and only fields changed differently on both sides
 * are asked about. A failed request is retried: when the network returns, or when the
 * server says (Retry-After); the text stays in this browser meanwhile.
 */
export class ScorecardAutosave {
	values: FlatScorecard = $state({});
	version = $state(0);
	/** What the server held at `version`: where this tab's edits started. */
	base: ScorecardDocument = $state.raw(emptyDocument);
	/** What the kit says about saving: one state at a time (see domain/save-status.ts). */
	status: SaveStatus = $state.raw(initialSaveStatus);
	/** A version saved elsewhere that changes fields this tab changed too. */
	conflict: { theirs: ScorecardDocument; theirsVersion: number } | null = $state(null);

	#timer: ReturnType<typeof setTimeout> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	/** Copies sent whose answer never came: the server may hold any of them. */
	#unanswered: ScorecardDocument[] = [];
	/** A save announced by another tab while this one was sending. */
	#news: SavedNews | null = null;
	#channel: ReturnType<typeof openSaveChannel> = null;
	/** Names this tab's local copy; set once mounted (there is no storage on the server). */
	#tab = '';
	readonly #url: string;

	get state(): SaveState {
		return this.status.kind;
	}

	#tell(event: SaveEvent): void {
		this.status = nextSaveStatus(this.status, event);
	}

	constructor(
		readonly scorecardId: number,
		readonly round: ScorecardRound,
		server: { version: number; document: ScorecardDocument },
		/** What a refused post without JavaScript sent back, shown instead of the saved copy. */
		typed?: FlatScorecard
	) {
		this.#url = `/api/v1/scorecards/${scorecardId}`;
		this.version = server.version;
		this.base = server.document;
		this.values = typed ?? flatten(server.document);
	}

	/** After mount: hear the other tabs' saves and the network's return; the result disconnects. */
	connect(): () => void {
		this.#tab = tabId();
		const release = holdLocalCopy(this.scorecardId, this.#tab);
		const online = () => {
			if (this.state !== 'offline') return;
			this.#tell({ type: 'came-online' });
			void this.save();
		};
		const offline = () => this.#tell({ type: 'went-offline' });
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		this.#channel = openSaveChannel(this.scorecardId, (news) => this.#heard(news));
		return () => {
			release();
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
			this.#channel?.close();
			this.#channel = null;
		};
	}

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
		for (const { key, copy, own } of await readLocalCopies(this.scorecardId, this.#tab)) {
			const base = copy.base ?? (copy.version === server.version ? server.document : emptyDocument);
			const current = unflatten(this.values, this.round);
			const merge = copy.dirty && mergeScorecards(base, unflatten(copy.values, this.round), current);
			if (merge && merge.conflicts.length) {
				// One question at a time: copies after this one wait for the next load.
				if (restored) break;
				Object.assign(this.values, copy.values);
				this.version = copy.version;
				this.base = base;
				this.#learn(server.document, server.version);
			} else if (merge) {
				this.#apply(merge.merged);
				restored ||= !sameScorecard(unflatten(this.values, this.round), current);
			}
			// This tab's copy now holds the text; the one left behind can go.
			this.#writeLocal(true);
			if (!own) removeLocalCopy(key);
			if (this.conflict) return 'conflict';
		}
		if (restored) this.#tell({ type: 'restored' });
		this.#settle(false);
		return restored ? 'restored' : 'none';
	}

	/** Call on every edit. */
	changed(): void {
		this.#writeLocal(true);
		// While waiting for the network or the server, the retry sends whatever is newest.
		const before = this.state;
		this.#tell({ type: navigator.onLine ? 'edited' : 'went-offline' });
		if (['conflict', 'waiting', 'offline', 'reconnecting'].includes(before)) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.save(), debounceMs);
	}

	/** Sends the current copy now (and waits for it). */
	async save(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		if (this.state === 'conflict') return;
		if (!this.#edited()) return this.#settle();
		this.#inFlight = this.#send().finally(() => {
			this.#inFlight = null;
			const news = this.#news;
			this.#news = null;
			if (news) this.#heard(news);
		});
		await this.#inFlight;
	}

	async #send(): Promise<void> {
		const sent = unflatten(this.values, this.round);
		this.#tell({ type: 'sending' });
		let answer: SaveAnswer;
		try {
			answer = await sendScorecard(this.#url, this.version, sent, 2 * retryMs);
		} catch {
			this.#unanswered.push(sent);
			this.#goOffline();
			return;
		}
		if (answer.kind === 'saved') return this.#confirm(answer.version, sent);
		if (answer.kind === 'conflict') return this.#learn(answer.theirs, answer.version);
		if (answer.kind === 'wait') return this.#waitForServer(answer.ms, answer.reason);
		this.#tell({ type: 'failed', message: answer.message });
	}

	/** The server holds `doc` at `version`, saved by this tab. */
	#confirm(version: number, doc: ScorecardDocument): void {
		if (version < this.version) return;
		this.#adopt(version, doc);
		this.#channel?.announce({ version, document: toWire(doc) });
		this.#settle();
	}

	#adopt(version: number, doc: ScorecardDocument): void {
		this.version = version;
		this.base = doc;
		this.#unanswered = [];
	}

	/** Another tab or device saved `theirs`: merge it into this tab's copy. */
	#learn(theirs: ScorecardDocument, theirsVersion: number): void {
		// A save whose answer was lost did arrive: it is this tab's own, not a conflict.
		if (this.#unanswered.some((doc) => sameScorecard(doc, theirs))) {
			this.#confirm(theirsVersion, theirs);
			return;
		}
		if (this.conflict) {
			this.conflict = { theirs, theirsVersion };
			return;
		}
		const merge = mergeScorecards(this.base, unflatten(this.values, this.round), theirs);
		if (merge.conflicts.length) {
			this.conflict = { theirs, theirsVersion };
			this.#tell({ type: 'conflict' });
			this.#writeLocal(true);
			return;
		}
		this.#apply(merge.merged);
		this.#adopt(theirsVersion, theirs);
		this.#settle();
	}

	#heard(news: SavedNews): void {
		if (news.version <= Math.max(this.version, this.conflict?.theirsVersion ?? 0)) return;
		if (this.#inFlight) this.#news = news;
		else this.#learn(fromWire(news.document), news.version);
	}

	/**
	 * Saved, or a save is due: whichever the copy in the form says. `justSaved` is false when
	 * nothing was sent (the page just opened), so the kit does not claim a save it never made.
	 */
	#settle(justSaved = true): void {
		if (this.state === 'conflict') return;
		clearTimeout(this.#retry);
		clearTimeout(this.#timer);
		if (this.#edited()) {
			if (this.state !== 'restored') this.#tell({ type: 'edited' });
			this.#writeLocal(true);
			this.#timer = setTimeout(() => void this.save(), debounceMs);
		} else {
			if (justSaved || this.state !== 'idle') this.#tell({ type: 'saved', at: Date.now() });
			this.#writeLocal(false);
		}
	}

	#goOffline(): void {
		this.#tell({ type: 'went-offline' });
		this.#retryIn(retryMs);
	}

	#waitForServer(ms: number, reason = 'The server could not save it'): void {
		this.#tell({
			type: 'server-waiting',
			message: `${reason.replace(/\.$/, '')}. Everything you typed is kept in this browser; trying again in ${Math.round(ms / 1000)} s.`
		});
		this.#retryIn(ms);
	}

	#retryIn(ms: number): void {
		this.#writeLocal(true);
		clearTimeout(this.#retry);
		this.#retry = setTimeout(() => void this.save(), ms);
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
		this.#adopt(theirsVersion, theirs);
		this.conflict = null;
		this.#tell({ type: 'resolved' });
		void this.save();
		return true;
	}

	#apply(fields: FlatScorecard): void {
		for (const [key, value] of Object.entries(fields)) this.values[key] = value;
	}

	/** On pagehide / hidden tab: the local copy is already written; try one last save that outlives the page. */
	flush(): void {
		if (this.state === 'conflict' || !this.#edited()) return;
		this.#writeLocal(true);
		const sent = unflatten(this.values, this.round);
		this.#unanswered.push(sent);
		// The page may live on (a hidden tab): follow the server's version.
		void sendLastCopy(this.#url, this.version, sent).then((version) => {
			if (version !== null) this.#confirm(version, sent);
		});
	}

	/** The server holds it all (submitted): the local copy is no longer needed. */
	forget(): void {
		clearTimeout(this.#timer);
		clearTimeout(this.#retry);
		removeLocalCopies(this.scorecardId);
	}

	/** Whether the form holds anything the server has not confirmed. */
	#edited(): boolean {
		return !sameScorecard(unflatten(this.values, this.round), this.base);
	}

	#writeLocal(dirty: boolean): void {
		if (!this.#tab) return;
		writeLocalCopy(this.scorecardId, this.#tab, {
			version: this.version,
			base: this.base,
			values: $state.snapshot(this.values),
			dirty
		});
	}
}
