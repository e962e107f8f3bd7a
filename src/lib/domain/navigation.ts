import type { Role } from './roles';

export interface NavItem {
	href: string;
	label: string;
}

interface Viewer {
	role: Role;
	/** Hiring manager of at least one opening (any role can be). */
	hiringManager: boolean;
}

const items: (NavItem & { shows: (viewer: Viewer) => boolean })[] = [
	{ href: '/', label: 'Dashboard', shows: () => true },
	{ href: '/interviews', label: 'My interviews', shows: () => true },
	{ href: '/training', label: 'Training', shows: () => true },
	{ href: '/openings', label: 'Openings', shows: (v) => hiringStaff(v.role) || v.hiringManager },
	{ href: '/candidates', label: 'Candidates', shows: (v) => hiringStaff(v.role) || v.hiringManager },
	{ href: '/templates', label: 'Templates', shows: (v) => hiringStaff(v.role) },
	{ href: '/library', label: 'Library', shows: (v) => hiringStaff(v.role) },
	{ href: '/interviewers', label: 'Interviewers', shows: (v) => hiringStaff(v.role) },
	{ href: '/calibration', label: 'Calibration', shows: () => true },
	{ href: '/adverse-impact', label: 'Adverse impact', shows: (v) => hiringStaff(v.role) },
	{ href: '/admin/users', label: 'Users', shows: (v) => v.role === 'admin' },
	{ href: '/admin/sign-in', label: 'Sign-in', shows: (v) => v.role === 'admin' },
	{ href: '/admin/audit', label: 'Audit trail', shows: (v) => v.role === 'admin' },
	{ href: '/admin/jobs', label: 'Jobs', shows: (v) => v.role === 'admin' },
	{ href: '/admin/privacy', label: 'Retention', shows: (v) => v.role === 'admin' },
	{ href: '/admin/webhooks', label: 'Webhooks', shows: (v) => v.role === 'admin' },
	{ href: '/admin/provisioning', label: 'Provisioning', shows: (v) => v.role === 'admin' }
];

function hiringStaff(role: Role): boolean {
	return role === 'admin' || role === 'recruiter';
}

/** The main navigation a viewer sees: only places they may open. */
export function navigationFor(viewer: Viewer): NavItem[] {
	return items.filter((item) => item.shows(viewer)).map(({ href, label }) => ({ href, label }));
}
