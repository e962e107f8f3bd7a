import { ssoRequirementKey } from '../auth/sso-policy';
import { twoFactorRequirementKey } from '../auth/two-factor-policy';
import { monitoringSettingsKey } from '../fairness/monitoring-settings';
import { lapseMonthsKey } from '../hiring/qualifications';
import { retentionMonthsKey } from '../hiring/retention';
import type { DB } from '../platform/db';
import type { Checks } from './checks';
import type { ExportOrganisationSetting } from './format-settings';

// The admins' choices for the whole organisation across an export and import: each kept in
// the meta table under its own key by the module that owns it, and in the file under a name
// of its own (format-settings.ts). A setting nobody changed has no row and no record, so the
// file of such an organisation stays as version 1 always was.

type Name = ExportOrganisationSetting['name'];
interface Stored {
	key: string;
	toFile: (stored: string) => unknown;
	/** Takes the value its record's schema checked. */
	toStored: (value: never) => string;
}

const number = { toFile: Number, toStored: String };
const word = { toFile: (stored: string) => stored, toStored: (value: string) => value };
const json = { toFile: (stored: string) => JSON.parse(stored) as unknown, toStored: JSON.stringify };

/** In the file's order: each name, the meta key it is stored under, and how it is stored. */
const stored: Record<Name, Stored> = {
	qualificationLapseMonths: { key: lapseMonthsKey, ...number },
	retentionMonths: { key: retentionMonthsKey, ...number },
	twoFactorRequired: { key: twoFactorRequirementKey, ...word },
	singleSignOnRequired: { key: ssoRequirementKey, ...word },
	adverseImpactMonitoring: { key: monitoringSettingsKey, ...json }
};
const names = Object.keys(stored) as Name[];

export async function readOrganisationSettings(db: DB): Promise<ExportOrganisationSetting[]> {
	const rows = await db
		.selectFrom('meta')
		.select(['key', 'value'])
		.where(
			'key',
			'in',
			names.map((name) => stored[name].key)
		)
		.execute();
	const values = new Map(rows.map((r) => [r.key, r.value]));
	return names.flatMap((name) => {
		const value = values.get(stored[name].key);
		return value === undefined
			? []
			: [{ name, value: stored[name].toFile(value) } as ExportOrganisationSetting];
	});
}

/** Each setting once. */
export function checkOrganisationSettings(c: Checks): void {
	const named = c.unique('organisation setting');
	for (const setting of c.parsed.file.organisationSettings ?? []) {
		const at = ['organisationSettings', c.at(setting), 'name'];
		named(at, setting.name, (first) => `this setting is already given (${first})`);
	}
}

export async function writeOrganisationSettings(
	db: DB,
	settings: ExportOrganisationSetting[]
): Promise<void> {
	for (const setting of settings) {
		const { key, toStored } = stored[setting.name];
		const value = (toStored as (value: unknown) => string)(setting.value);
		await db
			.insertInto('meta')
			.values({ key, value })
			.onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
			.execute();
	}
}
