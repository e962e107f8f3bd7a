import { describe, expect, it } from 'vitest';
import {
	describeSaveStatus,
	initialSaveStatus,
	nextSaveStatus,
	type SaveEvent,
	type SaveStatus
} from '../../../src/lib/domain/save-status';

const at = Date.UTC(2026, 10, 30, 10, 15);
const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** The message after each event in turn, starting from a freshly opened kit. */
function messages(events: SaveEvent[], from: SaveStatus = initialSaveStatus): string[] {
	let status = from;
	return events.map((event) => {
		status = nextSaveStatus(status, event);
		return describeSaveStatus(status, time);
	});
}

describe('the kit’s save status', () => {
	it('says autosave is on when opened and names the time of a save', () => {
		expect(describeSaveStatus(initialSaveStatus, time)).toBe('Autosave on');
		expect(messages([{ type: 'edited' }, { type: 'sending' }, { type: 'saved', at }])).toEqual([
			'Unsaved changes…',
			'Saving…',
			'Saved 10:15'
		]);
	});

	it('goes offline, reconnects and ends saved with the time, never saying saved while offline', () => {
		expect(
			messages([
				{ type: 'edited' },
				{ type: 'went-offline' },
				{ type: 'edited' },
				{ type: 'came-online' },
				{ type: 'sending' },
				{ type: 'saved', at }
			])
		).toEqual([
			'Unsaved changes…',
			'Offline: your changes are kept in this browser and will be sent when the connection returns',
			'Offline: your changes are kept in this browser and will be sent when the connection returns',
			'Back online: reconnecting…',
			'Back online: saving what this browser kept…',
			'Saved 10:15'
		]);
	});

	it('a failed send after reconnecting is offline again', () => {
		const [, , last] = messages([
			{ type: 'went-offline' },
			{ type: 'came-online' },
			{ type: 'went-offline' }
		]);
		expect(last).toMatch(/^Offline/);
	});

	it('says a restored copy came from this browser until it is saved, then says both', () => {
		expect(
			messages([{ type: 'restored' }, { type: 'edited' }, { type: 'sending' }, { type: 'saved', at }])
		).toEqual([
			'Restored from this browser what the server did not have; saving it now…',
			'Restored from this browser what the server did not have; saving it now…',
			'Restored from this browser what the server did not have; saving it now…',
			'Restored from this browser and saved 10:15'
		]);
		const next = messages([{ type: 'restored' }, { type: 'saved', at }, { type: 'edited' }]);
		expect(next.at(-1)).toBe('Unsaved changes…');
	});

	it('holds a conflict through every other event until it is resolved', () => {
		const conflict = nextSaveStatus(initialSaveStatus, { type: 'conflict' });
		const others: SaveEvent[] = [
			{ type: 'edited' },
			{ type: 'sending' },
			{ type: 'saved', at },
			{ type: 'went-offline' },
			{ type: 'came-online' },
			{ type: 'restored' },
			{ type: 'server-waiting', message: 'busy' },
			{ type: 'failed', message: 'no' }
		];
		for (const event of others) expect(nextSaveStatus(conflict, event)).toEqual(conflict);
		expect(nextSaveStatus(conflict, { type: 'resolved' })).toEqual({ kind: 'unsaved' });
	});

	it('keeps saying why a save waits while the person goes on typing', () => {
		const waiting = nextSaveStatus(initialSaveStatus, { type: 'server-waiting', message: 'Disk full.' });
		expect(describeSaveStatus(nextSaveStatus(waiting, { type: 'edited' }), time)).toBe(
			'Not saved yet: Disk full.'
		);
		expect(nextSaveStatus(waiting, { type: 'sending' })).toEqual({ kind: 'saving' });
	});

	it('an error ends at the next edit, and back online means nothing when never offline', () => {
		const failed = nextSaveStatus(initialSaveStatus, { type: 'failed', message: 'Refused' });
		expect(describeSaveStatus(failed, time)).toBe('Not saved: Refused');
		expect(nextSaveStatus(failed, { type: 'edited' })).toEqual({ kind: 'unsaved' });
		const saved = nextSaveStatus(initialSaveStatus, { type: 'saved', at });
		expect(nextSaveStatus(saved, { type: 'came-online' })).toBe(saved);
		expect(nextSaveStatus(saved, { type: 'resolved' })).toBe(saved);
	});
});
