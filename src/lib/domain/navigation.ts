import type { Role } from './roles';

export interface NavItem {
	href: string;
	label: string;
}

const items: (NavItem & { roles: readonly Role[] })[] = [
	{ href: '/', label: 'Dashboard', roles: ['admin', 'recruiter', 'interviewer'] },
	{ href: '/admin/users', label: 'Users', roles: ['admin'] }
];

/** The main navigation a role sees: only places the role may open. */
export function navigationFor(role: Role): NavItem[] {
	return items.filter((item) => item.roles.includes(role)).map(({ href, label }) => ({ href, label }));
}
