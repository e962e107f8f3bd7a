import { apiTokenSchema, changePasswordSchema, revokeApiTokenSchema } from '#lib/domain/account-schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '#lib/server/auth/api-tokens.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireSession, requireUser } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { changeOwnPassword } from '#lib/server/auth/password-changes.ts';
import {
	createCalendarFeed,
	getCalendarFeedStatus,
	revokeCalendarFeed
} from '#lib/server/outbound/calendar-feed.ts';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireSession(event);
	const db = getDb();
	return {
		account: user,
		tokens: await listApiTokens(db, user),
		calendarFeed: await getCalendarFeedStatus(db, user)
	};
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

	/** The feed's address is in this answer only: only a hash of its secret is kept. */
	createCalendarFeed: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, z.object({}), 'createCalendarFeed', async () => {
			const token = await createCalendarFeed(getDb(), user);
			return { calendarFeedUrl: `${event.url.origin}/calendar/${token}.ics` };
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
