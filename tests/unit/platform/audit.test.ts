import { describe, expect, it } from 'vitest';
import { auditFilterSchema, auditPageSize } from '../../../src/lib/domain/audit-trail';
import { listAuditEvents, listAuditTrail, recordAudit } from '../../../src/lib/server/platform/audit';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

describe('audit trail', () => {
	it('lists events newest first, a page at a time, by kind, with who made them', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin', name: 'Ada Admin' });
		const before = (await listAuditTrail(db, admin, { page: 1 })).total;
		for (let i = 0; i < auditPageSize + 5; i++) {
			await recordAudit(db, {
				actorUserId: admin.id,
				action: i % 2 ? 'loop.decided' : 'opening.updated',
				entityType: i % 2 ? 'loop' : 'opening',
				entityId: i
			});
		}
		const first = await listAuditTrail(db, admin, { page: 1 });
		expect(first.total).toBe(before + auditPageSize + 5);
		expect(first.events).toHaveLength(auditPageSize);
		expect(first.events[0]).toMatchObject({ actorName: 'Ada Admin', entityId: String(auditPageSize + 4) });
		expect(first.events.map((e) => e.id)).toEqual([...first.events.map((e) => e.id)].sort((a, b) => b - a));

		const loops = await listAuditTrail(db, admin, { page: 1, entity: 'loop' });
		expect(loops.total).toBe(27);
		expect(loops.events.every((e) => e.entityType === 'loop')).toBe(true);
		expect(loops.pages).toBe(1);
	});

	it('lists one thing’s events in the order they were written, whatever time each carries', async () => {
		const db = freshDb();
		const at = Date.UTC(2026, 10, 24, 9);
		// Written second but stamped earlier, as when the clock is set back between two changes.
		await recordAudit(
			db,
			{ actorUserId: null, action: 'candidate.created', entityType: 'candidate', entityId: 7 },
			at
		);
		await recordAudit(
			db,
			{ actorUserId: null, action: 'candidate.updated', entityType: 'candidate', entityId: 7 },
			at - 60_000
		);
		await recordAudit(
			db,
			{ actorUserId: null, action: 'candidate.archived', entityType: 'candidate', entityId: 7 },
			at
		);
		expect((await listAuditEvents(db, 'candidate', 7)).map((e) => e.action)).toEqual([
			'candidate.created',
			'candidate.updated',
			'candidate.archived'
		]);
	});

	it('is for admins only', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		await expect(listAuditTrail(db, recruiter, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('says what is wrong with a filter', () => {
		const problems = (query: Record<string, string>) => {
			const result = auditFilterSchema.safeParse(query);
			return result.success ? [] : result.error.issues.map((i) => i.message);
		};
		expect(problems({ page: '0' })).toEqual(['Pages start at 1']);
		expect(problems({ page: '1.5' })).toEqual(['A page is a whole number']);
		expect(problems({ entity: 'everything' })).toEqual(['Choose one of the listed kinds of change']);
		expect(auditFilterSchema.parse({})).toEqual({ page: 1 });
	});
});
