import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import {
	defaultMonitoringSettings,
	type MonitoringCategory,
	type MonitoringSettings
} from '../../domain/adverse-impact-settings';
import { assertRole } from '../access/permissions';
import { recordAudit } from '../platform/audit';

// Whether adverse impact monitoring is on and which categories candidates are asked about
// (decision 025). Off until an admin turns it on.

export const monitoringSettingsKey = 'adverse_impact_settings';

export async function readMonitoringSettings(db: DB): Promise<MonitoringSettings> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', monitoringSettingsKey)
		.executeTakeFirst();
	return row ? (JSON.parse(row.value) as MonitoringSettings) : defaultMonitoringSettings;
}

export async function saveMonitoringSettings(
	db: DB,
	actor: AuthUser,
	input: { enabled: boolean; categories: MonitoringCategory[] },
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	const value = JSON.stringify({ enabled: input.enabled, categories: input.categories });
	await db.transaction().execute(async (trx) => {
		const before = await readMonitoringSettings(trx);
		await trx
			.insertInto('meta')
			.values({ key: monitoringSettingsKey, value })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value }))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'adverse_impact.settings_changed',
				entityType: 'setting',
				entityId: monitoringSettingsKey,
				before,
				after: input
			},
			now
		);
	});
}
