import { z } from 'zod';

// The admin's audit trail: every recorded change, newest first, a page at a time.

export const auditPageSize = 50;

export const auditEntityLabels = {
	user: 'Users',
	invite: 'Invites',
	api_token: 'API tokens',
	scim_token: 'SCIM tokens',
	competency: 'Competencies',
	question: 'Questions',
	template: 'Templates',
	opening: 'Openings',
	candidate: 'Candidates',
	loop: 'Loops',
	scorecard: 'Scorecards',
	settings: 'Settings',
	job: 'Jobs',
	webhook: 'Webhooks'
} as const;

export type AuditEntity = keyof typeof auditEntityLabels;

export const auditFilterSchema = z.object({
	entity: z
		.enum(Object.keys(auditEntityLabels) as [AuditEntity, ...AuditEntity[]], {
			error: 'Choose one of the listed kinds of change'
		})
		.optional(),
	page: z.coerce
		.number({ error: 'A page is a number' })
		.int('A page is a whole number')
		.min(1, 'Pages start at 1')
		.default(1)
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

const decisionActions = new Set(['loop.decided', 'loop.decision_changed']);

/**
 * Whether an entry's before and after carry feedback (a scorecard's content, a decision's
 * outcome, rationale and dissent), which the independence rule hides from a panelist until
 * they may see the loop's feedback.
 */
export function auditCarriesFeedback(entityType: string, action: string): boolean {
	return entityType === 'scorecard' || decisionActions.has(action);
}

/** Where a thing the trail names can be opened, when it has a page of its own. */
export function auditEntityHref(entityType: string, entityId: string): string | null {
	switch (entityType) {
		case 'competency':
			return `/library/${entityId}`;
		case 'template':
			return `/templates/${entityId}`;
		case 'opening':
			return `/openings/${entityId}`;
		case 'candidate':
			return `/candidates/${entityId}`;
		case 'loop':
			return `/loops/${entityId}`;
		default:
			return null;
	}
}
