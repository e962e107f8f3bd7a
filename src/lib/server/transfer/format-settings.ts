import { z } from 'zod';
import { qualificationLevels } from '../../domain/qualifications';
import { maxWeeklyLimit } from '../../domain/panel-load';
import { maxPracticeCount } from '../../domain/training-paths';
import { mailModes } from '../../domain/notice-digest';
import { isValidTimeZone } from '../../domain/time';
import { expected, format, id, time, wholeNumber } from './format-fields';

// What people set, in the export file: interviewer development (decision 030: each format's
// training path, each person's qualifications and weekly interview limit) and notices
// (decision 027: each person's time zone, send time and mail or digest, each opening's
// reminders). Each list is written only when it has records, so the file of an
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

/** The lists in the file's top level, in their order: each may be left out. */
export const settingsListsChecked = {
	trainingPaths: z.array(trainingPathSchema).optional(),
	qualifications: z.array(qualificationSchema).optional(),
	weeklyLimits: z.array(weeklyLimitSchema).optional(),
	noticeSettings: z.array(noticeSettingSchema).optional(),
	reminderSettings: z.array(reminderSettingSchema).optional()
};

/** The same lists as the envelope reads them, each record left to be checked on its own. */
export const settingsListsAsRead = {
	trainingPaths: z.array(z.unknown()).optional(),
	qualifications: z.array(z.unknown()).optional(),
	weeklyLimits: z.array(z.unknown()).optional(),
	noticeSettings: z.array(z.unknown()).optional(),
	reminderSettings: z.array(z.unknown()).optional()
};

export type ExportTrainingPath = z.infer<typeof trainingPathSchema>;
export type ExportQualification = z.infer<typeof qualificationSchema>;
export type ExportWeeklyLimit = z.infer<typeof weeklyLimitSchema>;
export type ExportNoticeSetting = z.infer<typeof noticeSettingSchema>;
export type ExportReminderSetting = z.infer<typeof reminderSettingSchema>;
