import type { DB } from '../platform/db';
import { InputError } from '../platform/errors';

/**
 * Refuses a person who is unknown or deactivated, as the `userId` field's error: what hiring
 * staff set on someone (a qualification, a weekly limit, an exercise) is only for active people.
 */
export async function assertActiveInterviewer(db: DB, userId: number): Promise<void> {
	const person = await db
		.selectFrom('user')
		.select('id')
		.where('id', '=', userId)
		.where('deactivatedAt', 'is', null)
		.executeTakeFirst();
	if (!person) throw new InputError({ userId: 'Choose an active interviewer' });
}
