import { z } from 'zod';
import { competencyKinds, evidenceRules, roundFormats, visibilityModes } from './library';

/** Trimmed text with a length window and messages that say what to do. */
export function text(label: string, max: number, { required = true } = {}) {
	const base = z.string().trim().max(max, `${label}: use at most ${max} characters`);
	return required ? base.min(1, `Enter ${label.toLowerCase()}`) : base;
}

export const idSchema = z.coerce.number().int().positive();

/** A list of ids from checkboxes or JSON; each must be a positive whole number. */
export function idList(emptyMessage?: string) {
	const list = z.array(idSchema, { error: 'Choose from the list' });
	return emptyMessage ? list.min(1, emptyMessage) : list;
}

export const competencySchema = z.object({
	name: text('A name', 80),
	kind: z.enum(competencyKinds, { error: 'Choose technical or leadership' }),
	description: text('A description', 1000),
	anchor1: text('What earns a 1 (significant gaps)', 600),
	anchor2: text('What earns a 2 (below the bar)', 600),
	anchor3: text('What earns a 3 (meets the bar)', 600),
	anchor4: text('What earns a 4 (exceeds the bar)', 600)
});
export type CompetencyInput = z.output<typeof competencySchema>;

export const questionSchema = z.object({
	prompt: text('The question', 1000),
	probes: text('Probes', 2000, { required: false }),
	goodLooksLike: text('What good looks like', 1000),
	redFlags: text('Red flags', 1000, { required: false }),
	competencyIds: idList('Link at least one competency')
});
export type QuestionInput = z.output<typeof questionSchema>;

export const templateSchema = z.object({
	name: text('A name', 100),
	description: text('A description', 500, { required: false }),
	visibilityMode: z.enum(visibilityModes, { error: 'Choose when panelists see each other’s feedback' }),
	evidenceRule: z.enum(evidenceRules, { error: 'Choose whether evidence is required' })
});
export type TemplateInput = z.output<typeof templateSchema>;

export const roundSchema = z.object({
	title: text('A title', 100),
	kind: z.enum(competencyKinds, { error: 'Choose technical or leadership' }),
	format: z.enum(roundFormats, { error: 'Choose a format' }),
	durationMinutes: z.coerce
		.number({ error: 'Enter the duration in minutes' })
		.int('Enter whole minutes')
		.min(10, 'A round lasts at least 10 minutes')
		.max(240, 'A round lasts at most 240 minutes'),
	competencyIds: idList('Choose at least one focus competency'),
	questionIds: idList()
});
export type RoundInput = z.output<typeof roundSchema>;
