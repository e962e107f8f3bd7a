import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../domain/roles';

// Tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
// Every timestamp is epoch milliseconds (INTEGER), one convention everywhere.

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

export interface Database {
	user: UserTable;
	session: SessionTable;
	apiToken: ApiTokenTable;
	invite: InviteTable;
	auditEvent: AuditEventTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Invite = Selectable<InviteTable>;
