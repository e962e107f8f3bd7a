import type { DB } from '../../lib/server/platform/db';
import type { Role } from '../../lib/domain/roles';
import type { AuthUser } from '../../lib/server/auth/session';
import { ConflictError } from '../../lib/server/platform/errors';
import { createUser, hasAnyUser } from '../../lib/server/accounts/users';
import { seedHiring } from './hiring';

export const demoPassword = 'panelist-demo-2026';

export interface DemoLogin {
	name: string;
	email: string;
	role: Role;
	note: string;
}

const people: DemoLogin[] = [
	{ name: 'Alex Admin', email: 'admin@example.com', role: 'admin', note: 'admin' },
	{ name: 'Riley Reed', email: 'recruiter@example.com', role: 'recruiter', note: 'recruiter' },
	{ name: 'Morgan Hale', email: 'manager@example.com', role: 'interviewer', note: 'hiring manager' },
	{ name: 'Priya Natarajan', email: 'priya@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Sam Okafor', email: 'sam@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Lena Fischer', email: 'lena@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Diego Alvarez', email: 'diego@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Mei Chen', email: 'mei@example.com', role: 'interviewer', note: 'interviewer' }
];

/** Fills an empty database with the demo organisation and returns who can sign in. */
export async function seedDemo(db: DB, now = Date.now()): Promise<DemoLogin[]> {
	if (await hasAnyUser(db)) {
		throw new ConflictError('the database already has users; seed-demo needs an empty database');
	}
	const users = new Map<string, AuthUser>();
	for (const person of people) {
		// Keyed by the email's local part: 'admin', 'recruiter', 'manager', 'priya', …
		users.set(person.email.split('@')[0]!, await createUser(db, { ...person, password: demoPassword }));
	}
	await seedHiring(db, (key) => users.get(key)!, now);
	return people;
}
