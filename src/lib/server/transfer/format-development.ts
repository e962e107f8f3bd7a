import { z } from 'zod';
import { qualificationLevels } from '../../domain/qualifications';
import { maxWeeklyLimit } from '../../domain/panel-load';
import { maxPracticeCount } from '../../domain/training-paths';
import { expected, format, id, time, wholeNumber } from './format-fields';

// Interviewer development in the export file (decision 030): each format's training path,
// each person's qualifications and weekly interview limits. Each list is written only when
// it has records, so the file of an organisation that set none stays as version 1 always
// was, as résumés do.

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

export type ExportTrainingPath = z.infer<typeof trainingPathSchema>;
export type ExportQualification = z.infer<typeof qualificationSchema>;
export type ExportWeeklyLimit = z.infer<typeof weeklyLimitSchema>;
