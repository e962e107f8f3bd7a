import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from '../../../src/lib/server/auth/guards';

describe('safeRedirectTarget', () => {
	it('keeps paths on this site, with their query and fragment', () => {
		expect(safeRedirectTarget('/settings')).toBe('/settings');
		expect(safeRedirectTarget('/loops/7?tab=panel#ratings')).toBe('/loops/7?tab=panel#ratings');
		expect(safeRedirectTarget('/openings/ü?q=ä')).toBe('/openings/%C3%BC?q=%C3%A4');
	});

	it('sends home whatever a browser would read as another site', () => {
		for (const raw of [
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r/evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'/\\/evil.example',
			'//evil.example',
			' //evil.example',
			'https://evil.example/settings',
			'http:evil.example',
			'https:evil.example',
			'javascript:alert(1)',
			'/.//evil.example',
			'/a/..//evil.example'
		]) {
			expect(safeRedirectTarget(raw), JSON.stringify(raw)).toBe('/');
		}
	});

	it('answers something a Location header can carry, never throwing', () => {
		expect(safeRedirectTarget('/settings\r\nSet-Cookie: x=1')).toBe('/settingsSet-Cookie:%20x=1');
		expect(safeRedirectTarget('/a\nb')).toBe('/ab');
		for (const raw of ['/\u0000', '/%0A', 'http://[::1', '', null]) {
			const target = safeRedirectTarget(raw);
			expect(target.startsWith('/') && !target.startsWith('//')).toBe(true);
			expect(() => new Headers({ location: target })).not.toThrow();
		}
	});
});
