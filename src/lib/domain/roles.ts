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
