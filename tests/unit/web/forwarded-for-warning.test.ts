import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { warnAboutUnreadForwardedFor } from '../../../src/lib/server/web/request-handles';

function send(handle: ReturnType<typeof warnAboutUnreadForwardedFor>, headers: Record<string, string> = {}) {
	const event = { request: new Request('http://panelist.test/', { headers }) } as RequestEvent;
	return handle({ event, resolve: async () => new Response('ok') });
}

describe('the X-Forwarded-For warning', () => {
	it('is printed once, at the first request that carries the header while ADDRESS_HEADER is unset', async () => {
		const warn = vi.fn();
		const handle = warnAboutUnreadForwardedFor({}, warn);
		await send(handle);
		expect(warn).not.toHaveBeenCalled();
		const answer = await send(handle, { 'x-forwarded-for': '203.0.113.7' });
		expect(await answer.text()).toBe('ok');
		await send(handle, { 'x-forwarded-for': '198.51.100.1' });
		await send(handle, { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' });
		expect(warn).toHaveBeenCalledTimes(1);
		expect(warn.mock.calls[0]![0]).toMatch(/ADDRESS_HEADER is not set.*one sign-in rate limit/);
	});

	it('stays quiet when ADDRESS_HEADER says where the client address is', async () => {
		const warn = vi.fn();
		const handle = warnAboutUnreadForwardedFor({ ADDRESS_HEADER: 'X-Forwarded-For' }, warn);
		await send(handle, { 'x-forwarded-for': '203.0.113.7' });
		expect(warn).not.toHaveBeenCalled();
	});
});
