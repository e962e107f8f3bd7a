import type { Generated } from 'kysely';
import type { Role } from '../../domain/roles';
import type { RoundFormat } from '../../domain/library';
import type { QualificationLevel } from '../../domain/qualifications';

// The tables of accounts, sign-in and the audit trail, as Kysely sees them (schema.ts).

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	role: Role;
	passwordHash: string;
	deactivatedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface SessionTable {
	id: string;
	secretHash: Uint8Array;
	userId: number;
	createdAt: number;
	lastVerifiedAt: number;
}

export interface ApiTokenTable {
	id: string;
	secretHash: Uint8Array;
	userId: number;
	name: string;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
}

export interface InviteTable {
	id: string;
	secretHash: Uint8Array;
	email: string;
	role: Role;
	invitedBy: number;
	createdAt: number;
	expiresAt: number;
	acceptedAt: number | null;
	acceptedUserId: number | null;
	revokedAt: number | null;
}

export interface AuditEventTable {
	id: Generated<number>;
	actorUserId: number | null;
	action: string;
	entityType: string;
	entityId: string;
	before: string | null;
	after: string | null;
	at: number;
}

export interface MetaTable {
	key: string;
	value: string;
}

/** A shared rate limit's state for one key (auth/shared-rate-limit.ts). */
export interface RateLimitTable {
	key: string;
	count: number;
	/** Epoch ms: the last failure, or the start of the counting window. */
	at: number;
}

/** A user's TOTP key: being enrolled while enabledAt is null (auth/two-factor.ts). */
export interface UserTotpTable {
	userId: number;
	key: Uint8Array;
	/** The RFC 6238 time step of the last code accepted: no code at or before it is taken again. */
	lastUsedStep: number | null;
	createdAt: number;
	enabledAt: number | null;
}

/** A one-time recovery code, as a SHA-256 hash; spent once usedAt is set. */
export interface RecoveryCodeTable {
	userId: number;
	codeHash: Uint8Array;
	createdAt: number;
	usedAt: number | null;
}

/** A person's account at an OpenID provider, linked to their user (auth/single-sign-on.ts). */
export interface UserIdentityTable {
	issuer: string;
	/** The provider's `sub` claim: stable for that person, unlike their email. */
	subject: string;
	userId: number;
	createdAt: number;
	lastSignInAt: number;
}

/** A person's level in one round format (hiring/qualifications.ts); lapsed is derived, not stored. */
export interface InterviewerQualificationTable {
	userId: number;
	format: RoundFormat;
	level: QualificationLevel;
	/** When the current level was given. */
	since: number;
	updatedBy: number | null;
	updatedAt: number;
}

/** How many practice interviews a format's training path asks for (hiring/training-paths.ts). */
export interface TrainingPathTable {
	format: RoundFormat;
	shadowCount: number;
	reverseShadowCount: number;
	/** 1 when the path asks for a passed calibration exercise of the format. */
	exerciseRequired: Generated<number>;
	updatedBy: number | null;
	updatedAt: number;
}

/** A person's weekly interview limit; no row means none. */
export interface InterviewerLoadLimitTable {
	userId: number;
	weeklyLimit: number;
	updatedBy: number | null;
	updatedAt: number;
}
