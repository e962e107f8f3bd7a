import { z } from 'zod';
import { checkboxSchema } from './account-schemas';

// Adverse impact monitoring's settings and the candidate's answers (decision 025). Every
// category offers "Prefer not to say", added here so no configuration can leave it out.

export const preferNotToSay = 'Prefer not to say';
export const maxCategories = 6;
export const maxOptions = 20;

export interface MonitoringCategory {
	name: string;
	/** The options an admin configured; preferNotToSay is offered after them. */
	options: string[];
}

export interface MonitoringSettings {
	enabled: boolean;
	categories: MonitoringCategory[];
}

export const defaultMonitoringSettings: MonitoringSettings = {
	enabled: false,
	categories: [
		{ name: 'Gender', options: ['Woman', 'Man', 'Non-binary', 'Another gender'] },
		{
			name: 'Ethnicity',
			options: ['Asian', 'Black', 'Hispanic or Latino', 'White', 'Mixed or multiple', 'Another ethnicity']
		}
	]
};

/** The options a candidate sees for a category. */
export function offeredOptions(category: MonitoringCategory): string[] {
	return [...category.options, preferNotToSay];
}

/** One category a line, `Name: option, option`, as the admin's form shows them. */
export function formatCategories(categories: readonly MonitoringCategory[]): string {
	return categories.map((c) => `${c.name}: ${c.options.join(', ')}`).join('\n');
}

function parseCategories(text: string, ctx: z.RefinementCtx): MonitoringCategory[] {
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	const fail = (message: string) => {
		ctx.addIssue({ code: 'custom', message });
		return z.NEVER;
	};
	if (lines.length === 0) return fail('Give at least one category');
	if (lines.length > maxCategories) return fail(`Give at most ${maxCategories} categories`);
	const categories: MonitoringCategory[] = [];
	for (const [i, line] of lines.entries()) {
		const cut = line.indexOf(':');
		const name = cut < 0 ? '' : line.slice(0, cut).trim();
		if (!name) return fail(`Line ${i + 1}: write the category’s name, a colon, then its options`);
		const options = line
			.slice(cut + 1)
			.split(',')
			.map((o) => o.trim())
			.filter((o) => o && o.toLowerCase() !== preferNotToSay.toLowerCase());
		if (options.length < 2)
			return fail(`Line ${i + 1}: give ${name} at least two options, separated by commas`);
		if (options.length > maxOptions) return fail(`Line ${i + 1}: give ${name} at most ${maxOptions} options`);
		if (new Set(options.map((o) => o.toLowerCase())).size < options.length)
			return fail(`Line ${i + 1}: ${name} names an option twice`);
		if ([name, ...options].some((t) => t.length > 60))
			return fail(`Line ${i + 1}: keep names and options under 60 characters`);
		if (categories.some((c) => c.name.toLowerCase() === name.toLowerCase()))
			return fail(`Line ${i + 1}: ${name} is already a category`);
		categories.push({ name, options });
	}
	return categories;
}

export const monitoringSettingsSchema = z.object({
	enabled: checkboxSchema,
	categories: z.string().max(5000, 'Keep the categories under 5000 characters').transform(parseCategories)
});

/**
 * The candidate's form: one choice per category, each optional (an unanswered category is
 * simply not stored), each one of the category's offered options.
 */
export function selfIdentificationSchema(categories: readonly MonitoringCategory[]) {
	return z.object(
		Object.fromEntries(
			categories.map((c, i) => [
				`category${i}`,
				z
					.string()
					.optional()
					.refine((v) => !v || offeredOptions(c).includes(v), `Choose one of the options for ${c.name}`)
			])
		)
	);
}
