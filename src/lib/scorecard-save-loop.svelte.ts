import { emptyDocument, toWire, type ScorecardDocument, type ScorecardRound } from './domain/scorecard';
import { flatten, unflatten, type FlatScorecard } from './domain/scorecard-form';
import { initialSaveStatus, nextSaveStatus, type SaveEvent, type SaveStatus } from './domain/save-status';
import { sameScorecard } from './domain/scorecard-merge';
import { sendLastCopy, sendScorecard, type SaveAnswer } from './scorecard-save-request';
import {
	holdLocalCopy,
	openSaveChannel,
	removeLocalCopies,
	tabId,
	writeLocalCopy,
	type SavedNews
} from './scorecard-tabs';

export type SaveState = SaveStatus['kind'];

const debounceMs = 700;
const retryMs = 5_000;

/**
 * The sending half of the kit's autosave: every change is written to localStorage at once,
 * and to the server 0.7 s after typing stops, with the version it is based on. A failed
 * request is retried: when the network returns, or when the server says (Retry-After); the
 * text stays in this browser meanwhile. What another tab or device saved is the other half's
 * to merge (scorecard-autosave.svelte.ts): it answers `learn` and `heard`.
 */
export abstract class ScorecardSaveLoop {
	values: FlatScorecard = $state({});
	version = $state(0);
	/** What the server held at `version`: where this tab's edits started. */
	base: ScorecardDocument = $state.raw(emptyDocument);
	/** What the kit says about saving: one state at a time (see domain/save-status.ts). */
	status: SaveStatus = $state.raw(initialSaveStatus);

	#timer: ReturnType<typeof setTimeout> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	/** Copies sent whose answer never came: the server may hold any of them. */
	protected unanswered: ScorecardDocument[] = [];
	#channel: ReturnType<typeof openSaveChannel> = null;
	/** Names this tab's local copy; set once mounted (there is no storage on the server). */
	protected tab = '';
	readonly #url: string;

	/** Another tab or device saved `theirs` at `theirsVersion`. */
	protected abstract learn(theirs: ScorecardDocument, theirsVersion: number): void;
	/** A tab of this browser announced a save. */
	protected abstract heard(news: SavedNews): void;

	get state(): SaveState {
		return this.status.kind;
	}

	protected tell(event: SaveEvent): void {
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
		this.tab = tabId();
		const release = holdLocalCopy(this.scorecardId, this.tab);
		const online = () => {
			if (this.state !== 'offline') return;
			this.tell({ type: 'came-online' });
			void this.save();
		};
		const offline = () => this.tell({ type: 'went-offline' });
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		this.#channel = openSaveChannel(this.scorecardId, (news) => this.heard(news));
		return () => {
			release();
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
			this.#channel?.close();
			this.#channel = null;
		};
	}

	/** Call on every edit. */
	changed(): void {
		this.writeLocal(true);
		// While waiting for the network or the server, the retry sends whatever is newest.
		const before = this.state;
		this.tell({ type: navigator.onLine ? 'edited' : 'went-offline' });
		if (['conflict', 'waiting', 'offline', 'reconnecting'].includes(before)) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.save(), debounceMs);
	}

	/** Sends the current copy now (and waits for it). */
	async save(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		if (this.state === 'conflict') return;
		if (!this.edited()) return this.settle();
		this.#inFlight = this.#send().finally(() => {
			this.#inFlight = null;
			this.afterSend();
		});
		await this.#inFlight;
	}

	/** Whether a save is on its way (news heard meanwhile waits for its answer). */
	protected get sending(): boolean {
		return this.#inFlight !== null;
	}

	/** Called once each save's answer is handled. */
	protected afterSend(): void {}

	async #send(): Promise<void> {
		const sent = unflatten(this.values, this.round);
		this.tell({ type: 'sending' });
		let answer: SaveAnswer;
		try {
			answer = await sendScorecard(this.#url, this.version, sent, 2 * retryMs);
		} catch {
			this.unanswered.push(sent);
			this.#goOffline();
			return;
		}
		if (answer.kind === 'saved') return this.confirm(answer.version, sent);
		if (answer.kind === 'conflict') return this.learn(answer.theirs, answer.version);
		if (answer.kind === 'wait') return this.#waitForServer(answer.ms, answer.reason);
		this.tell({ type: 'failed', message: answer.message });
	}

	/** The server holds `doc` at `version`, saved by this tab. */
	protected confirm(version: number, doc: ScorecardDocument): void {
		if (version < this.version) return;
		this.adopt(version, doc);
		this.#channel?.announce({ version, document: toWire(doc) });
		this.settle();
	}

	protected adopt(version: number, doc: ScorecardDocument): void {
		this.version = version;
		this.base = doc;
		this.unanswered = [];
	}

	/**
	 * Saved, or a save is due: whichever the copy in the form says. `justSaved` is false when
	 * nothing was sent (the page just opened), so the kit does not claim a save it never made.
	 */
	protected settle(justSaved = true): void {
		if (this.state === 'conflict') return;
		clearTimeout(this.#retry);
		clearTimeout(this.#timer);
		if (this.edited()) {
			if (this.state !== 'restored') this.tell({ type: 'edited' });
			this.writeLocal(true);
			this.#timer = setTimeout(() => void this.save(), debounceMs);
		} else {
			if (justSaved || this.state !== 'idle') this.tell({ type: 'saved', at: Date.now() });
			this.writeLocal(false);
		}
	}

	#goOffline(): void {
		this.tell({ type: 'went-offline' });
		this.#retryIn(retryMs);
	}

	#waitForServer(ms: number, reason = 'The server could not save it'): void {
		this.tell({
			type: 'server-waiting',
			message: `${reason.replace(/\.$/, '')}. Everything you typed is kept in this browser; trying again in ${Math.round(ms / 1000)} s.`
		});
		this.#retryIn(ms);
	}

	#retryIn(ms: number): void {
		this.writeLocal(true);
		clearTimeout(this.#retry);
		this.#retry = setTimeout(() => void this.save(), ms);
	}

	/** On pagehide / hidden tab: the local copy is already written; try one last save that outlives the page. */
	flush(): void {
		if (this.state === 'conflict' || !this.edited()) return;
		this.writeLocal(true);
		const sent = unflatten(this.values, this.round);
		this.unanswered.push(sent);
		// The page may live on (a hidden tab): follow the server's version.
		void sendLastCopy(this.#url, this.version, sent).then((version) => {
			if (version !== null) this.confirm(version, sent);
		});
	}

	/** The server holds it all (submitted): the local copy is no longer needed. */
	forget(): void {
		clearTimeout(this.#timer);
		clearTimeout(this.#retry);
		removeLocalCopies(this.scorecardId);
	}

	/** Whether the form holds anything the server has not confirmed. */
	protected edited(): boolean {
		return !sameScorecard(unflatten(this.values, this.round), this.base);
	}

	protected writeLocal(dirty: boolean): void {
		if (!this.tab) return;
		writeLocalCopy(this.scorecardId, this.tab, {
			version: this.version,
			base: this.base,
			values: $state.snapshot(this.values),
			dirty
		});
	}
}
