import { z } from 'zod';
import { roles } from './roles';

export const passwordMinLength = 10;
export const passwordMaxLength = 256;

export const emailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'Enter an email address')
	.max(254, 'Use at most 254 characters')
	.pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }));

export const personNameSchema = z
	.string()
	.trim()
	.min(1, 'Enter a name')
	.max(100, 'Use at most 100 characters');

export const newPasswordSchema = z
	.string()
	.min(passwordMinLength, `Use at least ${passwordMinLength} characters`)
	.max(passwordMaxLength, `Use at most ${passwordMaxLength} characters`);

export const roleSchema = z.enum(roles, { error: 'Choose a role: admin, recruiter or interviewer' });

function confirmMatches(value: { password: string; confirmPassword: string }) {
	return value.password === value.confirmPassword;
}
const confirmError = { path: ['confirmPassword'], error: 'The two passwords do not match' };

export const setupSchema = z
	.object({
		name: personNameSchema,
		email: emailSchema,
		password: newPasswordSchema,
		confirmPassword: z.string()
	})
	.refine(confirmMatches, confirmError);

export const loginSchema = z.object({
	email: z.string().trim().toLowerCase().min(1, 'Enter your email address').max(254),
	password: z.string().min(1, 'Enter your password').max(passwordMaxLength)
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
	.object({ password: newPasswordSchema, confirmPassword: z.string() })
	.refine(confirmMatches, confirmError);

export const inviteSchema = z.object({
	email: emailSchema,
	role: roleSchema
});

export const acceptInviteSchema = z
	.object({
		name: personNameSchema,
		password: newPasswordSchema,
		confirmPassword: z.string()
	})
	.refine(confirmMatches, confirmError);

/** A checkbox: present ("on", or any value a form gives it) when ticked, empty when not. */
const checkboxSchema = z.string().transform((value) => value !== '');

export const changePasswordSchema = z
	.object({
		currentPassword: z.string().min(1, 'Enter your current password').max(passwordMaxLength),
		password: newPasswordSchema,
		confirmPassword: z.string(),
		revokeApiTokens: checkboxSchema
	})
	.refine(confirmMatches, confirmError);

export const changeRoleSchema = z.object({
	userId: z.coerce.number().int().positive(),
	role: roleSchema
});

export const userIdSchema = z.object({ userId: z.coerce.number().int().positive() });

export const apiTokenSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Name the token after what will use it, like “ATS sync”')
		.max(60, 'Use at most 60 characters')
});

export const revokeApiTokenSchema = z.object({
	tokenId: z.string().regex(/^[a-z0-9]{24}$/, 'Choose a token from the list')
});
