import {
	fromWire,
	toWire,
	type ScorecardDocument,
	type ScorecardRound,
	type WireDocument
} from './domain/scorecard';
import { flatten, unflatten, type FlatScorecard } from './domain/scorecard-form';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

/** The copy kept in this browser until the server confirms it. */
interface LocalCopy {
	version: number;
	values: FlatScorecard;
	dirty: boolean;
	at: number;
}

export interface Conflict {
	theirs: ScorecardDocument;
	theirsVersion: number;
}

const debounceMs = 700;
const retryMs = 5_000;

/**
 * Keeps a scorecard saved while the interviewer types: every change is written to
 * localStorage at once, and to the server 0.7 s after typing stops, with the version it is
 * based on. A stale version comes back 409 and becomes a conflict to merge; a network
 * failure leaves the copy queued ("offline") and retried when the network returns.
 */
export class ScorecardAutosave {
	values: FlatScorecard = $state({});
	version = $state(0);
	state: SaveState = $state('saved');
	message = $state('');
	conflict: Conflict | null = $state(null);
	lastSavedAt: number | null = $state(null);

	#timer: ReturnType<typeof setTimeout> | undefined;
	#retry: ReturnType<typeof setInterval> | undefined;
	#inFlight: Promise<void> | null = null;
	#sentSnapshot = '';
	readonly #key: string;
	readonly #url: string;

	constructor(
		readonly scorecardId: number,
		readonly round: ScorecardRound,
		server: { version: number; document: ScorecardDocument }
	) {
		this.#key = `panelist:scorecard:${scorecardId}`;
		this.#url = `/api/v1/scorecards/${scorecardId}`;
		this.version = server.version;
		this.values = flatten(server.document);
		this.#sentSnapshot = this.#snapshot();
	}

	/** After mount: bring back a copy the server never got (a crash, a closed tab, offline). */
	restore(server: { version: number; document: ScorecardDocument }): 'restored' | 'conflict' | 'none' {
		const local = this.#readLocal();
		if (!local?.dirty) {
			this.#removeLocal();
			return 'none';
		}
		const unchanged =
			JSON.stringify(unflatten(local.values, this.round)) ===
			JSON.stringify(unflatten(flatten(server.document), this.round));
		if (unchanged) {
			// The last save before the page closed did arrive.
			this.#writeLocal(false);
			return 'none';
		}
		if (local.version === server.version) {
			Object.assign(this.values, local.values);
			this.changed();
			return 'restored';
		}
		// The server moved on since this copy was taken: show both and let the person merge.
		Object.assign(this.values, local.values);
		this.conflict = { theirs: server.document, theirsVersion: server.version };
		this.state = 'conflict';
		this.#writeLocal(true);
		return 'conflict';
	}

	/** Call on every edit. */
	changed(): void {
		this.#writeLocal(true);
		if (this.state === 'conflict') return;
		this.state = navigator.onLine ? 'unsaved' : 'offline';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.save(), debounceMs);
	}

	get dirty(): boolean {
		return this.#snapshot() !== this.#sentSnapshot || this.state === 'unsaved' || this.state === 'offline';
	}

	/** Sends the current copy now (and waits for it). */
	async save(): Promise<void> {
		clearTimeout(this.#timer);
		if (this.state === 'conflict') return;
		if (this.#inFlight) {
			await this.#inFlight;
			if (this.#snapshot() === this.#sentSnapshot) return;
		}
		this.#inFlight = this.#send().finally(() => (this.#inFlight = null));
		await this.#inFlight;
	}

	async #send(): Promise<void> {
		const snapshot = this.#snapshot();
		const body = JSON.stringify(toWire(unflatten(this.values, this.round)));
		this.state = 'saving';
		let response: Response;
		try {
			response = await fetch(this.#url, {
				method: 'PUT',
				headers: { 'content-type': 'application/json', 'if-match': `"${this.version}"` },
				body
			});
		} catch {
			this.#goOffline();
			return;
		}
		if (response.ok) {
			const { version } = (await response.json()) as { version: number };
			this.version = version;
			this.#sentSnapshot = snapshot;
			this.lastSavedAt = Date.now();
			const changedMeanwhile = this.#snapshot() !== snapshot;
			this.#writeLocal(changedMeanwhile);
			this.state = changedMeanwhile ? 'unsaved' : 'saved';
			this.message = '';
			if (changedMeanwhile) this.#timer = setTimeout(() => void this.save(), debounceMs);
			return;
		}
		const problem = (await response.json().catch(() => ({}))) as {
			error?: string;
			version?: number;
			current?: WireDocument;
		};
		if (response.status === 409 && problem.current && typeof problem.version === 'number') {
			this.conflict = {
				theirs: fromWire(problem.current),
				theirsVersion: problem.version
			};
			this.state = 'conflict';
			return;
		}
		if (response.status === 401) {
			this.state = 'error';
			this.message =
				'Your session has ended. Sign in again in another tab; everything you typed is kept here.';
			return;
		}
		this.state = 'error';
		this.message = problem.error ?? `The server answered ${response.status}`;
	}

	#goOffline(): void {
		this.state = 'offline';
		if (this.#retry) return;
		const retry = () => {
			if (!navigator.onLine) return;
			clearInterval(this.#retry);
			this.#retry = undefined;
			window.removeEventListener('online', retry);
			void this.save();
		};
		window.addEventListener('online', retry);
		this.#retry = setInterval(retry, retryMs);
	}

	/** The person chose, field by field, between their copy and the saved one. */
	resolve(merged: FlatScorecard): void {
		if (!this.conflict) return;
		for (const [key, value] of Object.entries(merged)) this.values[key] = value;
		this.version = this.conflict.theirsVersion;
		this.conflict = null;
		this.state = 'unsaved';
		void this.save();
	}

	/** On pagehide / hidden tab: the local copy is already written; try one last save that outlives the page. */
	flush(): void {
		if (!this.dirty || this.state === 'conflict') return;
		this.#writeLocal(true);
		try {
			void fetch(this.#url, {
				method: 'PUT',
				keepalive: true,
				headers: { 'content-type': 'application/json', 'if-match': `"${this.version}"` },
				body: JSON.stringify(toWire(unflatten(this.values, this.round)))
			}).then((response) => {
				// The page may live on (a hidden tab): follow the server's version.
				if (response.ok)
					return response.json().then(({ version }: { version: number }) => this.#confirmed(version));
			});
		} catch {
			// keepalive bodies over 64 KB are refused; the local copy still holds everything.
		}
	}

	#confirmed(version: number): void {
		this.version = version;
		this.#sentSnapshot = this.#snapshot();
		this.#writeLocal(false);
		if (this.state !== 'conflict') this.state = 'saved';
	}

	/** The server holds it all (submitted): the local copy is no longer needed. */
	forget(): void {
		clearTimeout(this.#timer);
		clearInterval(this.#retry);
		this.#removeLocal();
	}

	#snapshot(): string {
		return JSON.stringify(unflatten(this.values, this.round));
	}

	#readLocal(): LocalCopy | null {
		try {
			const raw = localStorage.getItem(this.#key);
			return raw ? (JSON.parse(raw) as LocalCopy) : null;
		} catch {
			return null;
		}
	}

	#writeLocal(dirty: boolean): void {
		try {
			const copy: LocalCopy = {
				version: this.version,
				values: $state.snapshot(this.values),
				dirty,
				at: Date.now()
			};
			localStorage.setItem(this.#key, JSON.stringify(copy));
		} catch {
			// Storage full or disabled: the server copy is the only one.
		}
	}

	#removeLocal(): void {
		try {
			localStorage.removeItem(this.#key);
		} catch {
			// nothing to remove
		}
	}
}
