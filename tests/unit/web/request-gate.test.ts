import { describe, expect, it } from 'vitest';
import { refuseWrite, securityHeadersFor, type RequestHead } from '../../../src/lib/server/web/request-gate';

// What the gate lets through before it reads anything, the same on both doors (decision 017).

const own = 'https://panelist.example.com';

function head(method: string, pathname: string, headers: Record<string, string> = {}): RequestHead {
	return {
		method,
		url: { origin: own, protocol: 'https:', pathname },
		header: (name) => headers[name] ?? null
	};
}

async function refusalOf(request: RequestHead) {
	const answer = refuseWrite(request);
	return answer && { status: answer.status, body: await answer.json() };
}

const crossOrigin = { status: 403, body: { error: 'Cross-origin requests may not change data' } };
const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('writes the gate refuses before anything is read', () => {
	it('lets reads through, whoever asks', async () => {
		expect(await refusalOf(head('GET', '/candidates', { origin: 'https://evil.example' }))).toBeNull();
	});

	it('refuses every write from another origin or another site, whatever it sends', async () => {
		for (const headers of [
			{ ...json, origin: 'https://evil.example' },
			{ ...form, origin: 'https://evil.example' },
			{ ...json, 'sec-fetch-site': 'cross-site' }
		]) {
			expect(await refusalOf(head('POST', '/api/v1/loops', headers))).toEqual(crossOrigin);
			expect(await refusalOf(head('POST', '/admin/users?/invite', headers))).toEqual(crossOrigin);
		}
	});

	it('refuses a form post to a page that names no origin, as browsers always name it', async () => {
		expect(await refusalOf(head('POST', '/logout', form))).toEqual(crossOrigin);
		expect(await refusalOf(head('POST', '/logout'))).toEqual(crossOrigin);
		expect(await refusalOf(head('POST', '/logout', { ...form, origin: own }))).toBeNull();
	});

	it('lets a script without an Origin reach the API, a DELETE without a body too, but not with a form', async () => {
		expect(await refusalOf(head('DELETE', '/api/v1/loops/3'))).toBeNull();
		expect(await refusalOf(head('PUT', '/api/v1/scorecards/3', json))).toBeNull();
		expect(await refusalOf(head('POST', '/api/v1/competencies', form))).toEqual({
			status: 415,
			body: { error: 'Send the body as JSON, with Content-Type: application/json' }
		});
	});
});

describe('SCIM, the identity providers’ door', () => {
	it('lets a provider without an Origin through, its DELETE without a body too, but not another site', async () => {
		expect(await refusalOf(head('DELETE', '/scim/v2/Users/3'))).toBeNull();
		expect(
			await refusalOf(head('PATCH', '/scim/v2/Users/3', { 'content-type': 'application/scim+json' }))
		).toBeNull();
		// In SCIM's error format, as every refusal on /scim.
		expect(
			await refusalOf(head('POST', '/scim/v2/Users', { ...json, origin: 'https://evil.example' }))
		).toEqual({
			status: 403,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
				status: '403',
				detail: 'Cross-origin requests may not change data'
			}
		});
	});
});

describe('the headers every answer carries', () => {
	it('add HSTS over HTTPS and no-store for someone signed in', () => {
		const https = { origin: own, protocol: 'https:', pathname: '/' };
		const http = { origin: 'http://localhost:3000', protocol: 'http:', pathname: '/' };
		expect(securityHeadersFor(http, false)).not.toHaveProperty('strict-transport-security');
		expect(securityHeadersFor(http, false)).not.toHaveProperty('cache-control');
		expect(securityHeadersFor(https, true)).toMatchObject({
			'strict-transport-security': 'max-age=31536000',
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY'
		});
	});
});
