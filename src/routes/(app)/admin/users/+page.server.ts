import { z } from 'zod';
import {
	changeRoleSchema,
	inviteSchema,
	revokeApiTokenSchema,
	userIdSchema
} from '#lib/domain/account-schemas.ts';
import { listTeamApiTokens, revokeApiToken } from '#lib/server/auth/api-tokens.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { createInvite, listPendingInvites, revokeInvite } from '#lib/server/accounts/invites.ts';
import { changeUserRole, deactivateUser, listUsers, reactivateUser } from '#lib/server/accounts/users.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const db = getDb();
	const [users, invites, tokens] = await Promise.all([
		listUsers(db, admin),
		listPendingInvites(db, admin),
		listTeamApiTokens(db, admin)
	]);
	return { users, invites, tokens, me: admin.id };
};

const inviteIdSchema = z.object({ inviteId: z.string().min(1) });

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, inviteSchema, 'invite', async (input) => {
			const { token, invite, mailed } = await createInvite(getDb(), admin, input);
			return { inviteLink: `${event.url.origin}/invite/${token}`, invitedEmail: invite.email, mailed };
		});
	},

	revokeInvite: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, inviteIdSchema, 'revokeInvite', async ({ inviteId }) => {
			await revokeInvite(getDb(), admin, inviteId);
			return { revoked: inviteId };
		});
	},

	changeRole: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, changeRoleSchema, 'changeRole', async ({ userId, role }) => {
			await changeUserRole(getDb(), admin, userId, role);
			return { userId };
		});
	},

	deactivate: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, userIdSchema, 'deactivate', async ({ userId }) => {
			await deactivateUser(getDb(), admin, userId);
			return { userId };
		});
	},

	reactivate: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, userIdSchema, 'reactivate', async ({ userId }) => {
			await reactivateUser(getDb(), admin, userId);
			return { userId };
		});
	},

	revokeToken: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, revokeApiTokenSchema, 'revokeToken', async ({ tokenId }) => {
			await revokeApiToken(getDb(), admin, tokenId);
			return { revokedToken: true };
		});
	}
};
