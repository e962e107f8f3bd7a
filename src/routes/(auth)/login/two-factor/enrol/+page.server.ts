import { totpCodeSchema } from '#lib/domain/two-factor.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { confirmEnrolment, prepareEnrolment, twoFactorLimiter } from '#lib/server/auth/two-factor.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import {
	afterSignIn,
	isSignedIn,
	requirePendingSignIn,
	startSession
} from '#lib/server/web/sign-in-steps.ts';
import type { Actions, PageServerLoad } from './$types';

// Two-factor sign-in is required and this person has not set it up: they do so before any
// session is theirs.

export const load: PageServerLoad = async (event) => {
	const db = getDb();
	// After the code is accepted the page shows the recovery codes, to someone signed in.
	if (isSignedIn(event)) return { enrolment: null };
	const user = await requirePendingSignIn(db, event, 'enrol');
	return { enrolment: await prepareEnrolment(db, user) };
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const user = await requirePendingSignIn(db, event, 'enrol');
		return runFormAction(event.request, totpCodeSchema, 'enrol', async ({ code }) => {
			const recoveryCodes = await confirmEnrolment(db, twoFactorLimiter(db), user, code);
			await startSession(db, event, user.id);
			return { recoveryCodes, continueTo: afterSignIn(event.url) };
		});
	}
};
