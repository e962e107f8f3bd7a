import { describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/hooks.server';

type ErrorInput = Parameters<typeof handleError>[0];

function input(error: unknown, status: number, message: string): ErrorInput {
	return { error, status, message, event: {} as ErrorInput['event'] };
}

describe('unexpected server errors', () => {
	it('show a reference and nothing of the error itself, and log the details', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const secret = new Error('SQLITE_CORRUPT at /var/lib/panelist/panelist.db');
		const shown = await handleError(input(secret, 500, 'Internal Error'));
		expect(shown).toEqual({
			message: 'Something went wrong on our side.',
			reference: expect.stringMatching(/^[0-9a-f]{8}$/)
		});
		expect(JSON.stringify(shown)).not.toContain('SQLITE');
		expect(log).toHaveBeenCalledWith(`Error ${shown!.reference}:`, secret);
		log.mockRestore();
	});

	it('keep the plain message of a 404', async () => {
		expect(await handleError(input(new Error('x'), 404, 'Not Found'))).toEqual({ message: 'Page not found' });
	});
});
