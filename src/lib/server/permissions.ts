import type { Role } from '../domain/roles';
import type { AuthUser } from './auth/session';
import { ForbiddenError } from './errors';

/** Deny by default: passes only when the actor holds one of the roles named. */
export function assertRole(actor: AuthUser | null | undefined, ...allowed: Role[]): AuthUser {
	if (!actor || !allowed.includes(actor.role)) throw new ForbiddenError();
	return actor;
}
