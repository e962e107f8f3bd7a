// What the kit says about saving, as one state machine: the kit has one live region and it
// holds one message at a time, so two messages can never contradict each other.
//
// Precedence, strongest first, and why:
//   conflict      the person must choose; nothing is saved until they do
//   offline       nothing can reach the server; edits only change the copy in this browser
//   reconnecting  the network is back and the kept copy is on its way
//   waiting/error the server answered but did not save
//   restored      text this browser kept is back in the form and being saved
//   saving, unsaved, saved
// A weaker event never replaces a stronger state: typing while offline stays "offline", and
// a save answered while a conflict is open does not say "saved". Each state ends only on the
// event that really ends it (resolved, back online and saved, and so on).

export type SaveStatus =
	/** Open, with JavaScript, and nothing typed yet. */
	| { kind: 'idle' }
	| { kind: 'unsaved' }
	| { kind: 'saving'; restored?: boolean; reconnecting?: boolean }
	| { kind: 'saved'; at: number; restored?: boolean }
	| { kind: 'offline' }
	| { kind: 'reconnecting' }
	| { kind: 'waiting'; message: string }
	| { kind: 'restored' }
	| { kind: 'conflict' }
	| { kind: 'error'; message: string };

export type SaveEvent =
	| { type: 'edited' }
	| { type: 'sending' }
	| { type: 'saved'; at: number }
	| { type: 'went-offline' }
	| { type: 'came-online' }
	| { type: 'server-waiting'; message: string }
	| { type: 'failed'; message: string }
	| { type: 'restored' }
	| { type: 'conflict' }
	| { type: 'resolved' };

export const initialSaveStatus: SaveStatus = { kind: 'idle' };

/** The status after `event`. Pure: the time of a save comes with the event. */
export function nextSaveStatus(status: SaveStatus, event: SaveEvent): SaveStatus {
	if (status.kind === 'conflict' && event.type !== 'resolved') return status;
	switch (event.type) {
		case 'conflict':
			return { kind: 'conflict' };
		case 'resolved':
			return status.kind === 'conflict' ? { kind: 'unsaved' } : status;
		case 'went-offline':
			return { kind: 'offline' };
		case 'came-online':
			return status.kind === 'offline' ? { kind: 'reconnecting' } : status;
		case 'edited':
			// The retry that follows sends the newest text; saying "unsaved" would hide why it waits.
			return ['offline', 'reconnecting', 'waiting', 'restored'].includes(status.kind)
				? status
				: { kind: 'unsaved' };
		case 'sending':
			if (status.kind === 'offline' || status.kind === 'reconnecting')
				return { kind: 'saving', reconnecting: true };
			if (status.kind === 'restored') return { kind: 'saving', restored: true };
			if (status.kind === 'saving') return status;
			return { kind: 'saving' };
		case 'saved':
			return status.kind === 'restored' || (status.kind === 'saving' && status.restored)
				? { kind: 'saved', at: event.at, restored: true }
				: { kind: 'saved', at: event.at };
		case 'server-waiting':
			return { kind: 'waiting', message: event.message };
		case 'failed':
			return { kind: 'error', message: event.message };
		case 'restored':
			return { kind: 'restored' };
	}
}

/** Whether the form holds text the server has not confirmed (or cannot be told about now). */
export function isPending(status: SaveStatus): boolean {
	return !['idle', 'saved'].includes(status.kind);
}

const restoredMessage = 'Restored from this browser what the server did not have; saving it now…';

/** The one message for `status`; `time` formats a save's time as the rest of the app does. */
export function describeSaveStatus(status: SaveStatus, time: (at: number) => string): string {
	switch (status.kind) {
		case 'idle':
			return 'Autosave on';
		case 'unsaved':
			return 'Unsaved changes…';
		case 'saving':
			if (status.restored) return restoredMessage;
			return status.reconnecting ? 'Back online: saving what this browser kept…' : 'Saving…';
		case 'saved':
			return status.restored
				? `Restored from this browser and saved ${time(status.at)}`
				: `Saved ${time(status.at)}`;
		case 'offline':
			return 'Offline: your changes are kept in this browser and will be sent when the connection returns';
		case 'reconnecting':
			return 'Back online: reconnecting…';
		case 'waiting':
			return `Not saved yet: ${status.message}`;
		case 'restored':
			return restoredMessage;
		case 'conflict':
			return 'Changed in another tab or device: choose what to keep, then save';
		case 'error':
			return `Not saved: ${status.message}`;
	}
}
