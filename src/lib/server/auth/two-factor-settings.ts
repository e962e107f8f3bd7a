import type { DB } from '../platform/db';
import type { AuthUser } from './session';
import { hasPendingEnrolment, hasTwoFactor, prepareEnrolment, type EnrolmentView } from './two-factor';
import { isTwoFactorRequiredFor } from './two-factor-policy';

export interface TwoFactorSettings {
	enabled: boolean;
	required: boolean;
	/** The key being enrolled, while setup is under way. */
	enrolment: EnrolmentView | null;
}

/** What the settings page shows of the user's own two-factor sign-in. */
export async function loadTwoFactorSettings(db: DB, user: AuthUser): Promise<TwoFactorSettings> {
	const [enabled, pending, required] = await Promise.all([
		hasTwoFactor(db, user.id),
		hasPendingEnrolment(db, user.id),
		isTwoFactorRequiredFor(db, user)
	]);
	return { enabled, required, enrolment: pending ? await prepareEnrolment(db, user) : null };
}
