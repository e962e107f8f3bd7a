export const roles = ['admin', 'recruiter', 'interviewer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
	admin: 'Admin',
	recruiter: 'Recruiter',
	interviewer: 'Interviewer'
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/**
 * The role line of the top bar: the stored role, then the openings the person is hiring
 * manager of, since that relation changes what they may open (e.g. "Interviewer · Hiring
 * manager of Backend Engineer"). Long lists are cut to keep the bar one line.
 */
export function describeViewerRole(role: Role, managedOpeningTitles: readonly string[]): string {
	const label = roleLabels[role];
	if (!managedOpeningTitles.length) return label;
	const [first, second, ...rest] = managedOpeningTitles;
	const named =
		second === undefined
			? first
			: rest.length === 0
				? `${first} and ${second}`
				: `${first}, ${second} and ${rest.length} more`;
	return `${label} · Hiring manager of ${named}`;
}
