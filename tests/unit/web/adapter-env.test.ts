import { describe, expect, it } from 'vitest';
import { originOf, parseBodySizeLimit, readAdapterEnv } from '../../../src/lib/server/web/adapter-env';

// The fast path answers before adapter-node has seen the request, so it must make out the
// request's origin and the body limit exactly as the adapter does (decision 017).

describe('BODY_SIZE_LIMIT', () => {
	it('is read as adapter-node reads it', () => {
		expect(readAdapterEnv({}).bodySizeLimit).toBe(512 * 1024);
		expect(parseBodySizeLimit('100K')).toBe(100 * 1024);
		expect(parseBodySizeLimit('2m')).toBe(2 * 1024 * 1024);
		expect(parseBodySizeLimit('1G')).toBe(1024 ** 3);
		expect(parseBodySizeLimit('4096')).toBe(4096);
		expect(parseBodySizeLimit('Infinity')).toBe(Infinity);
	});

	it('stops the server when it is not a number', () => {
		expect(() => parseBodySizeLimit('lots')).toThrow("Invalid BODY_SIZE_LIMIT: 'lots'");
	});
});

describe('the origin of a request', () => {
	const plain = readAdapterEnv({});
	const proxied = readAdapterEnv({
		PROTOCOL_HEADER: 'X-Forwarded-Proto',
		HOST_HEADER: 'x-forwarded-host',
		PORT_HEADER: 'x-forwarded-port'
	});

	it('is https and the Host header unless the proxy headers say otherwise', () => {
		expect(originOf({ host: 'panelist.example.com' }, plain)).toBe('https://panelist.example.com');
		expect(originOf({ host: 'internal:3000', 'x-forwarded-proto': 'http' }, plain)).toBe(
			'https://internal:3000'
		);
		const forwarded = {
			host: 'internal:3000',
			'x-forwarded-proto': 'http',
			'x-forwarded-host': 'panelist.example.com',
			'x-forwarded-port': '8080'
		};
		expect(originOf(forwarded, proxied)).toBe('http://panelist.example.com:8080');
		expect(originOf({ host: 'internal:3000' }, proxied)).toBe('https://internal:3000');
	});

	it('is spelt as a URL spells it', () => {
		expect(originOf({ host: 'Panelist.Example.COM:443' }, plain)).toBe('https://panelist.example.com');
	});

	it('cannot be made out where the adapter answers 400', () => {
		expect(originOf({}, plain)).toBeNull();
		expect(originOf({ host: 'a.example', 'x-forwarded-proto': 'https://evil.example' }, proxied)).toBeNull();
		expect(originOf({ host: 'a.example', 'x-forwarded-port': 'eighty' }, proxied)).toBeNull();
		expect(originOf({ host: 'a b' }, plain)).toBeNull();
	});
});
