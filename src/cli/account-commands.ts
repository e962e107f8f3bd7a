import { z } from 'zod';
import { emailSchema, personNameSchema, roleSchema } from '../lib/domain/account-schemas';
import { createApiToken } from '../lib/server/auth/api-tokens';
import { createScimToken } from '../lib/server/accounts/scim-tokens';
import { resetPassword } from '../lib/server/auth/password-changes';
import { clearTwoFactor } from '../lib/server/auth/two-factor';
import { createUser, findUserByEmail } from '../lib/server/accounts/users';
import {
	checkPassword,
	explainInputError,
	parseOptions,
	passwordFrom,
	withDatabase,
	type Command
} from './command-support';

// The commands that make and mend accounts and their credentials.

export const accountCommands: Record<string, Command> = {
	'create-user': {
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			password: { type: 'string' }
		},
		positionals: 0,
		run: async (values) => {
			const input = parseOptions(
				z.object({ email: emailSchema, name: personNameSchema, role: roleSchema }),
				values
			);
			const { password, generated } = await passwordFrom(values.password);
			checkPassword(password);
			await withDatabase(async (db) => {
				const user = await createUser(db, { ...input, password }).catch(explainInputError);
				console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
				if (generated) console.log(`Password (shown once): ${password}`);
			});
		}
	},

	'reset-password': {
		options: { email: { type: 'string' }, password: { type: 'string' } },
		positionals: 0,
		run: async (values) => {
			const { email } = parseOptions(z.object({ email: emailSchema }), values);
			const { password, generated } = await passwordFrom(values.password);
			checkPassword(password);
			await withDatabase(async (db) => {
				const { apiTokensRevoked } = await resetPassword(db, email, password).catch(explainInputError);
				const tokens = apiTokensRevoked === 1 ? '1 API token is' : `${apiTokensRevoked} API tokens are`;
				console.log(`New password set for ${email}; their sessions have ended and ${tokens} revoked.`);
				if (generated) console.log(`Password (shown once): ${password}`);
			});
		}
	},

	'reset-two-factor': {
		options: { email: { type: 'string' } },
		positionals: 0,
		run: async (values) => {
			const { email } = parseOptions(z.object({ email: emailSchema }), values);
			await withDatabase(async (db) => {
				const user = await findUserByEmail(db, email);
				if (!user) throw new Error(`no user with email ${email}`);
				await clearTwoFactor(db, null, user.id);
				console.log(`Two-factor sign-in cleared for ${email}; they sign in with their password next.`);
			});
		}
	},

	'create-token': {
		options: { email: { type: 'string' }, name: { type: 'string' } },
		positionals: 0,
		run: async (values) => {
			const input = parseOptions(
				z.object({
					email: emailSchema,
					name: z.string().trim().min(1, 'Enter a name').max(100).default('CLI token')
				}),
				values
			);
			await withDatabase(async (db) => {
				const user = await findUserByEmail(db, input.email);
				if (!user) throw new Error(`no user with email ${input.email}`);
				if (user.deactivatedAt !== null) throw new Error(`${input.email} is deactivated`);
				const { token } = await createApiToken(db, user.id, input.name);
				console.error(`API token "${input.name}" for ${user.email}. It is shown once; store it now:`);
				console.log(token);
			});
		}
	},

	'create-scim-token': {
		options: { name: { type: 'string' } },
		positionals: 0,
		run: async (values) => {
			const input = parseOptions(
				z.object({ name: z.string().trim().min(1, 'Enter a name').max(60).default('SCIM') }),
				values
			);
			await withDatabase(async (db) => {
				const { token } = await createScimToken(db, null, input.name);
				console.error(`SCIM token "${input.name}" for /scim/v2. It is shown once; store it now:`);
				console.log(token);
			});
		}
	}
};
