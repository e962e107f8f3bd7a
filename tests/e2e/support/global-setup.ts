import { openDatabase } from '../../../src/lib/server/platform/db';
import { prepareDatabase } from '../../../src/lib/server/platform/prepare-database';
import { createUser, hasAnyUser } from '../../../src/lib/server/accounts/users';
import { e2eDatabase } from './fixtures';

/**
 * The shared server's database is past first-run setup before any test starts, so a
 * test that opens a page before seeding sees the app, not the setup page. (The second
 * server, on its own empty database, is for the first-run test.)
 */
export default async function globalSetup() {
	const db = openDatabase(e2eDatabase);
	await prepareDatabase(db);
	if (!(await hasAnyUser(db))) {
		await createUser(db, {
			email: 'owner@e2e.example.com',
			name: 'E2E Owner',
			role: 'admin',
			password: 'e2e-owner-password'
		});
	}
	await db.destroy();
}
