import { describe, expect, it } from 'vitest';
import { roleForGroups, ssoSettingsFromEnv } from '../../../src/lib/domain/single-sign-on';

const base = {
	OIDC_ISSUER: 'https://login.example.com',
	OIDC_CLIENT_ID: 'panelist',
	OIDC_CLIENT_SECRET: 's3cret'
};

describe('single sign-on settings', () => {
	it('is off without an issuer, and reads the rest with defaults', () => {
		expect(ssoSettingsFromEnv({})).toBeNull();
		expect(
			ssoSettingsFromEnv({ ...base, OIDC_ALLOWED_DOMAINS: ' Example.com, @corp.example ' })
		).toMatchObject({
			displayName: 'single sign-on',
			allowedDomains: ['example.com', 'corp.example'],
			defaultRole: 'interviewer',
			groupsClaim: 'groups'
		});
	});

	it('stops start-up with a clear message for settings it cannot use', () => {
		expect(() => ssoSettingsFromEnv({ OIDC_ISSUER: 'https://login.example.com' })).toThrow(/OIDC_CLIENT_ID/);
		expect(() => ssoSettingsFromEnv({ ...base, OIDC_ISSUER: 'http://login.example.com' })).toThrow(/https/);
		expect(() => ssoSettingsFromEnv({ ...base, OIDC_DEFAULT_ROLE: 'owner' })).toThrow(/OIDC_DEFAULT_ROLE/);
		expect(() => ssoSettingsFromEnv({ ...base, OIDC_GROUP_ROLES: 'Admins' })).toThrow(/OIDC_GROUP_ROLES/);
		expect(ssoSettingsFromEnv({ ...base, OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer).toBe(
			'http://127.0.0.1:9000'
		);
	});

	it('gives a new account the highest role its groups map to, else the default', () => {
		const settings = ssoSettingsFromEnv({
			...base,
			OIDC_DEFAULT_ROLE: 'interviewer',
			OIDC_GROUP_ROLES: 'Talent=recruiter, Panelist Admins=admin'
		})!;
		expect(roleForGroups(settings, ['staff', 'Talent'])).toBe('recruiter');
		expect(roleForGroups(settings, ['Talent', 'Panelist Admins'])).toBe('admin');
		expect(roleForGroups(settings, ['staff'])).toBe('interviewer');
		expect(roleForGroups(settings, 'Panelist Admins')).toBe('interviewer');
		expect(roleForGroups(settings, undefined)).toBe('interviewer');
	});
});
