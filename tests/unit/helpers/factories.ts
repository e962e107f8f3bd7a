import type { DB } from '../../../src/lib/server/db';
import type { Role } from '../../../src/lib/domain/roles';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { insertUser } from '../../../src/lib/server/users';

export const testPassword = 'factory-password-0042';

// argon2 is slow on purpose; the factories hash once and reuse it.
let testPasswordHash: Promise<string> | undefined;

let counter = 0;

export async function newUser(
	db: DB,
	overrides: Partial<{ email: string; name: string; role: Role }> = {}
): Promise<AuthUser> {
	counter += 1;
	testPasswordHash ??= hashPassword(testPassword);
	return insertUser(
		db,
		{
			email: overrides.email ?? `user${counter}@example.com`,
			name: overrides.name ?? `User ${counter}`,
			role: overrides.role ?? 'interviewer',
			passwordHash: await testPasswordHash
		},
		null
	);
}
