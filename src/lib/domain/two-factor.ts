import { z } from 'zod';
import { checkboxSchema } from './account-schemas';
import type { Role } from './roles';

// Two-factor sign-in's rules that need neither database nor framework (decision 023).

/** Who must have a second factor, as an admin sets it. */
export const twoFactorRequirements = ['nobody', 'admins', 'everyone'] as const;
export type TwoFactorRequirement = (typeof twoFactorRequirements)[number];

export const twoFactorRequirementLabels: Record<TwoFactorRequirement, string> = {
	nobody: 'Nobody: each person chooses',
	admins: 'Admins',
	everyone: 'Everyone'
};

export function isTwoFactorRequired(requirement: TwoFactorRequirement, role: Role): boolean {
	return requirement === 'everyone' || (requirement === 'admins' && role === 'admin');
}

/** Spaces and dashes are how people copy codes; neither is part of one. */
const normalisedCode = z
	.string()
	.transform((value) => value.replace(/[\s-]/g, '').toLowerCase())
	.pipe(z.string().min(1, 'Enter the code').max(32, 'Enter the six digits, or a recovery code'));

/** Six digits from the app: what enrolment and turning it off ask for. */
export const totpCodeSchema = z.object({
	code: z
		.string()
		.transform((value) => value.replace(/\s/g, ''))
		.pipe(
			z
				.string()
				.min(1, 'Enter the code')
				.regex(/^\d{6}$/, 'Enter the six digits your app shows')
		)
});

/** Signing in: six digits, or one of the recovery codes. */
export const secondFactorSchema = z.object({
	code: normalisedCode,
	rememberDevice: checkboxSchema
});

export const twoFactorRequirementSchema = z.object({
	requirement: z.enum(twoFactorRequirements, { error: 'Choose who must use two-factor sign-in' })
});

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);
