import { describe, expect, it, vi } from 'vitest';
import { handleError } from '../../../src/hooks.server';

type ErrorInput = Parameters<typeof handleError>[0];

const event = {} as ErrorInput['event'];

describe('unexpected server errors', () => {
	it('show a reference and nothing of the error itself, and log the details', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const secret = new Error('SQLITE_CORRUPT at /var/lib/panelist/panelist.db');
		const shown = await handleError({ kind: 'unknown', error: secret, event });
		expect(shown).toEqual({
			message: 'Something went wrong on our side.',
			reference: expect.stringMatching(/^[0-9a-f]{8}$/)
		});
		expect(JSON.stringify(shown)).not.toContain('SQLITE');
		expect(log).toHaveBeenCalledWith(`Error ${shown!.reference}:`, secret);
		log.mockRestore();
	});

	it('keep the plain message of a 404', async () => {
		expect(
			await handleError({ kind: 'framework', error: { status: 404, message: 'Not Found' }, event })
		).toEqual({ message: 'Page not found' });
	});

	it('leave an error raised on purpose as it was raised (SvelteKit keeps its status and message)', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const raised = { status: 404, message: 'No loop with that id' };
		expect(await handleError({ kind: 'app', error: raised, event })).toBeUndefined();
		expect(log).not.toHaveBeenCalled();
		log.mockRestore();
	});
});
