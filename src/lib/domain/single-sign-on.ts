import { z } from 'zod';
import { isRole, roles, type Role } from './roles';

// OpenID Connect sign-in's settings and rules that need no database (decision 029).

export interface SsoSettings {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** What the button says after "Sign in with". */
	displayName: string;
	/** Lower-case domains whose people get an account on first sign-in; none: nobody does. */
	allowedDomains: string[];
	defaultRole: Role;
	groupsClaim: string;
	/** Group name → role given to a new account whose groups claim holds it. */
	groupRoles: Map<string, Role>;
	/** OIDC_REQUIRED: passwords refused whatever the admins' setting says. */
	requiredByEnvironment: boolean;
	/** The one admin whose password still signs in while single sign-on is required. */
	breakGlassEmail: string | null;
}

type Env = Record<string, string | undefined>;

function parseGroupRoles(raw: string): Map<string, Role> {
	const mapping = new Map<string, Role>();
	for (const entry of raw.split(',')) {
		if (!entry.trim()) continue;
		const cut = entry.lastIndexOf('=');
		const group = entry.slice(0, cut).trim();
		const role = entry.slice(cut + 1).trim();
		if (cut < 0 || !group || !isRole(role))
			throw new Error(
				`OIDC_GROUP_ROLES must be a list like "Panelist Admins=admin,Recruiting=recruiter", not "${entry.trim()}"`
			);
		mapping.set(group, role);
	}
	return mapping;
}

function parseFlag(raw: string | undefined): boolean {
	const value = raw?.trim().toLowerCase() ?? '';
	if (value === '' || value === 'false') return false;
	if (value === 'true') return true;
	throw new Error(`OIDC_REQUIRED must be true or false, not "${raw}"`);
}

/** The provider from OIDC_* variables, or null when OIDC_ISSUER is unset (sign-in by password only). */
export function ssoSettingsFromEnv(env: Env): SsoSettings | null {
	const issuer = env.OIDC_ISSUER?.trim();
	if (!issuer) return null;
	let url: URL;
	try {
		url = new URL(issuer);
	} catch {
		throw new Error('OIDC_ISSUER is not a URL: give the issuer, e.g. https://login.example.com');
	}
	// Plain HTTP would let anyone on the way forge the provider's keys; only a provider on this
	// machine (the tests' own) may use it.
	if (url.protocol !== 'https:' && !isLoopbackIssuer(issuer))
		throw new Error('OIDC_ISSUER must be an https:// URL');
	const clientId = env.OIDC_CLIENT_ID?.trim();
	const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
	if (!clientId || !clientSecret)
		throw new Error('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set with OIDC_ISSUER');
	const defaultRole = env.OIDC_DEFAULT_ROLE?.trim() || 'interviewer';
	if (!isRole(defaultRole))
		throw new Error(`OIDC_DEFAULT_ROLE must be one of ${roles.join(', ')}, not "${defaultRole}"`);
	const allowedDomains = (env.OIDC_ALLOWED_DOMAINS ?? '')
		.split(',')
		.map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
		.filter(Boolean);
	return {
		issuer,
		clientId,
		clientSecret,
		displayName: env.OIDC_NAME?.trim() || 'single sign-on',
		allowedDomains,
		defaultRole,
		groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
		groupRoles: parseGroupRoles(env.OIDC_GROUP_ROLES ?? ''),
		requiredByEnvironment: parseFlag(env.OIDC_REQUIRED),
		breakGlassEmail: env.OIDC_BREAK_GLASS_EMAIL?.trim().toLowerCase() || null
	};
}

/** An http:// issuer on this machine: the only place plain HTTP is accepted. */
export function isLoopbackIssuer(issuer: string): boolean {
	const { protocol, hostname } = new URL(issuer);
	return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/** The part after the last @, lower-case. */
export function emailDomain(email: string): string {
	return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function isAllowedDomain(settings: Pick<SsoSettings, 'allowedDomains'>, email: string): boolean {
	return settings.allowedDomains.includes(emailDomain(email));
}

const rank: Record<Role, number> = { interviewer: 0, recruiter: 1, admin: 2 };

/**
 * The role of an account made on first sign-in: the highest any of its groups maps to, else
 * the default. A claim that is not a list of strings maps nothing.
 */
export function roleForGroups(
	settings: Pick<SsoSettings, 'defaultRole' | 'groupRoles'>,
	groups: unknown
): Role {
	const names = Array.isArray(groups) ? groups.filter((group) => typeof group === 'string') : [];
	const mapped = names.map((name) => settings.groupRoles.get(name)).filter((role) => role !== undefined);
	if (!mapped.length) return settings.defaultRole;
	return mapped.reduce((best, role) => (rank[role] > rank[best] ? role : best));
}

/**
 * What the person is told when the provider's answer does not sign them in. None says more
 * about accounts than the sign-in form does ("no active account"): a deactivated account and
 * a domain without accounts read the same.
 */
export function describeSsoRefusal(reason: string | null, provider: string): string {
	switch (reason) {
		case 'expired':
			return 'This sign-in was not started in this browser, or took longer than ten minutes. Start again from the sign-in page.';
		case 'cancelled':
			return `Sign-in was cancelled at ${provider}. Nothing was changed.`;
		case 'unverified-token':
			return `The answer from ${provider} could not be verified, so you are not signed in. Try again; if it happens again, tell your admin.`;
		case 'unreachable':
			return `${provider} cannot be reached just now. Try again in a moment.`;
		case 'unverified-email':
			return `${provider} did not confirm your email address, which Panelist needs to find your account. Ask your admin to check your account there.`;
		default:
			return 'There is no active Panelist account for you here. Ask an admin for access.';
	}
}

export const ssoRequirements = ['optional', 'required'] as const;
export type SsoRequirement = (typeof ssoRequirements)[number];

export const ssoRequirementLabels: Record<SsoRequirement, string> = {
	optional: 'Password or single sign-on',
	required: 'Single sign-on only (passwords refused, except the break-glass admin)'
};

export const ssoRequirementSchema = z.object({
	requirement: z.enum(ssoRequirements, { error: 'Choose how people sign in' })
});

/** Whether this email may still sign in with a password while single sign-on is required. */
export function isBreakGlassEmail(settings: Pick<SsoSettings, 'breakGlassEmail'>, email: string): boolean {
	return settings.breakGlassEmail !== null && settings.breakGlassEmail === email.trim().toLowerCase();
}
