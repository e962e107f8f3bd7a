import { z } from 'zod';
import {
	emailSchema,
	newPasswordSchema,
	personNameSchema,
	roleSchema
} from '../../../../domain/account-schemas';
import { roles } from '../../../../domain/roles';
import { createUserAsAdmin, getUser, listUsers, type UserSummary } from '../../../accounts/users';
import { endpoint } from '../endpoint';
import { idOut, iso, sid, timeOut } from './conventions';

// Users: admins list everyone and add users.

const user = z
	.object({
		id: idOut,
		email: z.string(),
		name: z.string(),
		role: z.enum(roles),
		active: z.boolean().meta({ description: 'False once an admin has deactivated them' }),
		createdAt: timeOut
	})
	.meta({ id: 'User' });

const userJson = (u: UserSummary): z.input<typeof user> => ({
	id: sid(u.id),
	email: u.email,
	name: u.name,
	role: u.role,
	active: u.deactivatedAt === null,
	createdAt: iso(u.createdAt)
});

export const listUsersEndpoint = endpoint({
	method: 'GET',
	path: '/users',
	operationId: 'listUsers',
	summary: 'List everyone (admins)',
	tag: 'Users',
	roles: ['admin'],
	response: {
		status: 200,
		description: 'Active users first, by name',
		schema: z.object({ users: z.array(user) })
	},
	errors: [403],
	handle: async ({ db, actor }) => ({ body: { users: (await listUsers(db, actor)).map(userJson) } })
});

export const createUserEndpoint = endpoint({
	method: 'POST',
	path: '/users',
	operationId: 'createUser',
	summary: 'Add someone (admins)',
	description:
		'They sign in with this password; common passwords are refused. To let users choose their own, invite them from the Team page instead.',
	tag: 'Users',
	roles: ['admin'],
	body: z.object({
		email: emailSchema,
		name: personNameSchema,
		role: roleSchema,
		password: newPasswordSchema
	}),
	response: { status: 201, description: 'The new user', schema: user },
	errors: [403, 413, 422],
	handle: async ({ db, actor, body }) => {
		const created = await createUserAsAdmin(db, actor, body);
		return { body: userJson((await getUser(db, created.id))!) };
	}
});
