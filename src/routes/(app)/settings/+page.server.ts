import { apiTokenSchema, changePasswordSchema, revokeApiTokenSchema } from '#lib/domain/account-schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '#lib/server/auth/api-tokens.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireSession, requireUser } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { changeOwnPassword } from '#lib/server/auth/password-changes.ts';
import { totpCodeSchema } from '#lib/domain/two-factor.ts';
import { loadTwoFactorSettings } from '#lib/server/auth/two-factor-settings.ts';
import {
	confirmEnrolment,
	disableOwnTwoFactor,
	prepareEnrolment,
	twoFactorLimiter
} from '#lib/server/auth/two-factor.ts';
import { isTwoFactorRequiredFor } from '#lib/server/auth/two-factor-policy.ts';
import {
	createCalendarFeed,
	getCalendarFeedStatus,
	revokeCalendarFeed
} from '#lib/server/outbound/calendar-feed.ts';
import { noticeSettingsSchema } from '#lib/domain/reminders.ts';
import { getNoticeSettings, updateNoticeSettings } from '#lib/server/notify/reminder-settings.ts';
import { listOwnQualifications } from '#lib/server/hiring/qualifications.ts';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireSession(event);
	const db = getDb();
	const [tokens, twoFactor, calendarFeed, notices, qualifications] = await Promise.all([
		listApiTokens(db, user),
		loadTwoFactorSettings(db, user),
		getCalendarFeedStatus(db, user),
		getNoticeSettings(db, user),
		listOwnQualifications(db, user)
	]);
	const timeZones = Intl.supportedValuesOf('timeZone');
	return { account: user, tokens, twoFactor, calendarFeed, notices, timeZones, qualifications };
};

export const actions: Actions = {
	changePassword: async (event) => {
		const { user, session } = requireSession(event);
		return runFormAction(event.request, changePasswordSchema, 'changePassword', async (input) => {
			await changeOwnPassword(getDb(), user, session.id, input);
			return { passwordChanged: true, apiTokensRevoked: input.revokeApiTokens };
		});
	},

	/** The token is in this answer only: it is never stored or shown again. */
	createToken: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, apiTokenSchema, 'createToken', async ({ name }) => {
			const { token } = await createApiToken(getDb(), user.id, name);
			return { createdToken: { name, token } };
		});
	},

	revokeToken: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, revokeApiTokenSchema, 'revokeToken', async ({ tokenId }) => {
			await revokeApiToken(getDb(), user, tokenId);
			return { revoked: true };
		});
	},

	startTwoFactor: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, z.object({}), 'startTwoFactor', async () => {
			await prepareEnrolment(getDb(), user);
			return {};
		});
	},

	/** The recovery codes are in this answer only: only their hashes are kept. */
	confirmTwoFactor: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, totpCodeSchema, 'confirmTwoFactor', async ({ code }) => {
			const db = getDb();
			return { recoveryCodes: await confirmEnrolment(db, twoFactorLimiter(db), user, code) };
		});
	},

	disableTwoFactor: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, totpCodeSchema, 'disableTwoFactor', async ({ code }) => {
			const db = getDb();
			const required = await isTwoFactorRequiredFor(db, user);
			await disableOwnTwoFactor(db, twoFactorLimiter(db), user, code, required);
			return { twoFactorOff: true };
		});
	},

	/** The feed's address is in this answer only: only a hash of its secret is kept. */
	createCalendarFeed: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, z.object({}), 'createCalendarFeed', async () => {
			const token = await createCalendarFeed(getDb(), user);
			return { calendarFeedUrl: `${event.url.origin}/calendar/${token}.ics` };
		});
	},

	notices: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, noticeSettingsSchema, 'notices', async (input) => {
			await updateNoticeSettings(getDb(), user, input);
			return { noticesSaved: true };
		});
	},

	revokeCalendarFeed: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, z.object({}), 'revokeCalendarFeed', async () => {
			await revokeCalendarFeed(getDb(), user);
			return { calendarFeedRevoked: true };
		});
	}
};
