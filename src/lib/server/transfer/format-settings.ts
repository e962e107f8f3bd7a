import { z } from 'zod';
import { qualificationLevels } from '../../domain/qualifications';
import { maxWeeklyLimit } from '../../domain/panel-load';
import { maxPracticeCount } from '../../domain/training-paths';
import { mailModes } from '../../domain/notice-digest';
import { isValidTimeZone } from '../../domain/time';
import { maxLapseMonths, minLapseMonths } from '../../domain/qualifications';
import { maxRetentionMonths, minRetentionMonths } from '../../domain/retention';
import { twoFactorRequirements } from '../../domain/two-factor';
import { ssoRequirements } from '../../domain/single-sign-on';
import { formatCategories, monitoringSettingsSchema } from '../../domain/adverse-impact-settings';
import { expected, format, id, time, wholeNumber } from './format-fields';
import { calibrationExerciseSchema } from './format-exercises';

// What people set, in the export file: interviewer development (decision 030: each format's
// training path, each person's qualifications and weekly interview limit; decision 031:
// calibration exercises, format-exercises.ts), notices (decision 027: each person's time
// zone, send time and mail or digest, each opening's reminders) and the admins' choices for
// the whole organisation. Each list is written only when it has records, so the file of an
// organisation that set none stays as version 1 always was, as résumés do.

export const trainingPathSchema = z.strictObject({
	format,
	shadowCount: wholeNumber(0, maxPracticeCount),
	reverseShadowCount: wholeNumber(0, maxPracticeCount),
	exerciseRequired: z.boolean({ error: expected('true or false') }),
	updatedBy: id.nullable(),
	updatedAt: time
});

export const qualificationSchema = z.strictObject({
	userId: id,
	format,
	level: z.enum(qualificationLevels, { error: expected(qualificationLevels.join(' or ')) }),
	since: time,
	updatedBy: id.nullable(),
	updatedAt: time
});

export const weeklyLimitSchema = z.strictObject({
	userId: id,
	weeklyLimit: wholeNumber(1, maxWeeklyLimit),
	updatedBy: id.nullable(),
	updatedAt: time
});

export const noticeSettingSchema = z.strictObject({
	userId: id,
	timeZone: z
		.string({ error: expected('A time zone, like Europe/Berlin') })
		.max(100, { error: 'A time zone, like Europe/Berlin', abort: true })
		.refine(isValidTimeZone, { error: 'A time zone, like Europe/Berlin' }),
	sendMinutes: wholeNumber(0, 24 * 60 - 1),
	mailMode: z.enum(mailModes, { error: expected(mailModes.join(' or ')) }),
	updatedAt: time
});

export const reminderSettingSchema = z.strictObject({
	openingId: id,
	enabled: z.boolean({ error: expected('true or false') }),
	firstReminderMinutes: wholeNumber(0, 24 * 60),
	escalationHours: wholeNumber(1, 14 * 24),
	updatedAt: time
});

/** The categories as the admin's form would have saved them (checked by that form's own rules). */
const monitoredCategories = z
	.array(z.strictObject({ name: z.string(), options: z.array(z.string()) }))
	.superRefine((categories, ctx) => {
		const saved = monitoringSettingsSchema.shape.categories.safeParse(formatCategories(categories));
		if (!saved.success) ctx.addIssue({ code: 'custom', message: saved.error.issues[0]!.message });
		else if (JSON.stringify(saved.data) !== JSON.stringify(categories))
			ctx.addIssue({ code: 'custom', message: 'Names and options without spaces around them' });
	});

/** One record per organisation-wide choice, each named. */
const namedSettings = [
	z.strictObject({
		name: z.literal('qualificationLapseMonths'),
		value: wholeNumber(minLapseMonths, maxLapseMonths)
	}),
	z.strictObject({
		name: z.literal('retentionMonths'),
		value: wholeNumber(minRetentionMonths, maxRetentionMonths)
	}),
	z.strictObject({
		name: z.literal('twoFactorRequired'),
		value: z.enum(twoFactorRequirements, { error: expected(twoFactorRequirements.join(', ')) })
	}),
	z.strictObject({
		name: z.literal('singleSignOnRequired'),
		value: z.enum(ssoRequirements, { error: expected(ssoRequirements.join(' or ')) })
	}),
	z.strictObject({
		name: z.literal('adverseImpactMonitoring'),
		value: z.strictObject({
			enabled: z.boolean({ error: expected('true or false') }),
			categories: monitoredCategories
		})
	})
] as const;
const settingNames = namedSettings.map((setting) => setting.shape.name.value);

/** An organisation-wide choice an admin made, one record each; left out while at its default. */
export const organisationSettingSchema = z.discriminatedUnion('name', namedSettings, {
	error: expected(`A setting named ${settingNames.join(', ')}`)
});

/** The lists in the file's top level, in their order: each may be left out. */
export const settingsListsChecked = {
	trainingPaths: z.array(trainingPathSchema).optional(),
	qualifications: z.array(qualificationSchema).optional(),
	weeklyLimits: z.array(weeklyLimitSchema).optional(),
	noticeSettings: z.array(noticeSettingSchema).optional(),
	reminderSettings: z.array(reminderSettingSchema).optional(),
	calibrationExercises: z.array(calibrationExerciseSchema).optional(),
	organisationSettings: z.array(organisationSettingSchema).optional()
};

export type ExportTrainingPath = z.infer<typeof trainingPathSchema>;
export type ExportQualification = z.infer<typeof qualificationSchema>;
export type ExportWeeklyLimit = z.infer<typeof weeklyLimitSchema>;
export type ExportNoticeSetting = z.infer<typeof noticeSettingSchema>;
export type ExportReminderSetting = z.infer<typeof reminderSettingSchema>;
export type ExportOrganisationSetting = z.infer<typeof organisationSettingSchema>;
