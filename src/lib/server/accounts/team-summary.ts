import type { DB } from '../platform/db';
import type { Role } from '../../domain/roles';
import type { AuthUser } from '../auth/session';
import { assertRole } from '../access/permissions';

// The admin dashboard's count of accounts by role and state.

export interface TeamSummary {
	activeByRole: Record<Role, number>;
	deactivated: number;
}

export async function getTeamSummary(db: DB, actor: AuthUser): Promise<TeamSummary> {
	assertRole(actor, 'admin');
	const rows = await db
		.selectFrom('user')
		.select([
			'role',
			(eb) => eb.fn.countAll<number>().as('n'),
			(eb) => eb('deactivatedAt', 'is not', null).as('off')
		])
		.groupBy(['role', 'off'])
		.execute();
	const summary: TeamSummary = { activeByRole: { admin: 0, recruiter: 0, interviewer: 0 }, deactivated: 0 };
	for (const row of rows) {
		if (row.off) summary.deactivated += Number(row.n);
		else summary.activeByRole[row.role] += Number(row.n);
	}
	return summary;
}
