import { describe, expect, it } from 'vitest';
import {
	getSsoRequirement,
	isSsoRequired,
	mayUsePassword,
	setSsoRequirement
} from '../../../src/lib/server/auth/sso-policy';
import { ssoSettingsFromEnv } from '../../../src/lib/domain/single-sign-on';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const env = {
	OIDC_ISSUER: 'https://login.example.com',
	OIDC_CLIENT_ID: 'panelist',
	OIDC_CLIENT_SECRET: 's3cret',
	OIDC_BREAK_GLASS_EMAIL: 'Rescue@Example.com'
};
const settings = ssoSettingsFromEnv(env)!;

describe('requiring single sign-on', () => {
	it('refuses every password but the break-glass admin’s once an admin requires it, and audits the change', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		expect(await mayUsePassword(db, settings, 'sam@example.com')).toBe(true);

		await setSsoRequirement(db, admin, settings, 'required');
		expect(await getSsoRequirement(db)).toBe('required');
		expect(await mayUsePassword(db, settings, 'sam@example.com')).toBe(false);
		expect(await mayUsePassword(db, settings, admin.email, 'admin')).toBe(false);
		expect(await mayUsePassword(db, settings, 'rescue@example.com')).toBe(true);
		expect(await mayUsePassword(db, settings, 'rescue@example.com', 'admin')).toBe(true);
		// The named account must be an admin's, or it is no exception.
		expect(await mayUsePassword(db, settings, 'rescue@example.com', 'interviewer')).toBe(false);

		const [event] = await listAuditEvents(db, 'settings', 'sso');
		expect(event).toMatchObject({ actorUserId: admin.id, action: 'settings.sso_requirement_changed' });
		expect(JSON.parse(event!.after!)).toEqual({ requirement: 'required' });

		await setSsoRequirement(db, admin, settings, 'optional');
		expect(await mayUsePassword(db, settings, 'sam@example.com')).toBe(true);
	});

	it('is required by OIDC_REQUIRED whatever the setting, and never without a provider', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const forced = ssoSettingsFromEnv({ ...env, OIDC_REQUIRED: 'true' })!;
		expect(await isSsoRequired(db, forced)).toBe(true);
		expect(await mayUsePassword(db, forced, 'sam@example.com')).toBe(false);

		await setSsoRequirement(db, admin, settings, 'required');
		expect(await isSsoRequired(db, null)).toBe(false);
		expect(await mayUsePassword(db, null, 'sam@example.com')).toBe(true);
		await expect(setSsoRequirement(db, admin, null, 'required')).rejects.toBeInstanceOf(InputError);
	});

	it('is changed by admins only', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		await expect(setSsoRequirement(db, recruiter, settings, 'required')).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await getSsoRequirement(db)).toBe('optional');
	});
});
