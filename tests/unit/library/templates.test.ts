import { describe, expect, it } from 'vitest';
import type { TemplateInput } from '../../../src/lib/domain/library-schemas';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import { createOpening } from '../../../src/lib/server/hiring/openings';
import { addRound, removeRound, updateRound } from '../../../src/lib/server/library/template-rounds';
import {
	createTemplate,
	createTemplateWithRounds,
	duplicateTemplate,
	getTemplate,
	listTemplates,
	setTemplateArchived,
	updateTemplate
} from '../../../src/lib/server/library/templates';
import { moveRound, reorderRounds } from '../../../src/lib/server/library/round-order';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ForbiddenError, InputError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import {
	competencyId,
	newCandidate,
	newOpening,
	newUser,
	questionIdsOf,
	templateId
} from '../../support/seed';

const dataEngineer: TemplateInput = {
	name: 'Data Engineer',
	description: 'Pipelines and modelling.',
	visibilityMode: 'after_own',
	evidenceRule: 'recommended'
};

async function setting() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const coding = await competencyId(db, 'Coding');
	const codingRound = {
		title: 'Coding',
		kind: 'technical' as const,
		format: 'coding' as const,
		durationMinutes: 60,
		competencyIds: [coding],
		questionIds: (await questionIdsOf(db, coding)).slice(0, 1)
	};
	return { db, recruiter, coding, codingRound };
}

const auditOf = async (db: ReturnType<typeof freshDb>, id: number) =>
	(await listAuditEvents(db, 'template', id)).map((e) => ({
		action: e.action,
		before: e.before ? JSON.parse(e.before) : null,
		after: e.after ? JSON.parse(e.after) : null
	}));

describe('templates', () => {
	it('are created and edited by hiring staff, every change audited with what it was before', async () => {
		const { db, recruiter } = await setting();
		const id = await createTemplate(db, recruiter, dataEngineer);
		expect((await listTemplates(db, recruiter)).find((t) => t.id === id)).toMatchObject({
			name: 'Data Engineer',
			rounds: 0,
			openings: 0,
			archivedAt: null
		});
		await updateTemplate(db, recruiter, id, {
			...dataEngineer,
			name: 'Data Platform Engineer',
			visibilityMode: 'after_all'
		});
		expect(await getTemplate(db, recruiter, id)).toMatchObject({
			name: 'Data Platform Engineer',
			visibilityMode: 'after_all',
			description: 'Pipelines and modelling.'
		});
		const audit = await auditOf(db, id);
		expect(audit.map((e) => e.action)).toEqual(['template.created', 'template.updated']);
		expect(audit[1]!.before).toMatchObject({ name: 'Data Engineer', visibilityMode: 'after_own' });
		expect(audit[1]!.after).toMatchObject({ name: 'Data Platform Engineer', visibilityMode: 'after_all' });
	});

	it('refuse a name already taken, in any case, and an unknown template, changing nothing', async () => {
		const { db, recruiter } = await setting();
		const before = await listTemplates(db, recruiter, { includeArchived: true });
		const taken = { name: 'A template with this name already exists' };
		const clash = await createTemplate(db, recruiter, {
			...dataEngineer,
			name: 'senior SOFTWARE engineer'
		}).catch((e: InputError) => e.fieldErrors);
		expect(clash).toEqual(taken);
		const id = await createTemplate(db, recruiter, dataEngineer);
		const renamed = await updateTemplate(db, recruiter, id, {
			...dataEngineer,
			name: 'Engineering Manager'
		}).catch((e: InputError) => e.fieldErrors);
		expect(renamed).toEqual(taken);
		await expect(updateTemplate(db, recruiter, 987_654, dataEngineer)).rejects.toBeInstanceOf(NotFoundError);
		expect((await listTemplates(db, recruiter, { includeArchived: true })).map((t) => t.name).sort()).toEqual(
			[...before.map((t) => t.name), 'Data Engineer'].sort()
		);
	});

	it('are for admins and recruiters: an interviewer, even a hiring manager, is refused every change', async () => {
		const { db, recruiter, codingRound } = await setting();
		const manager = await newUser(db);
		await newOpening(db, [manager]);
		const id = await templateId(db);
		const roundIds = (await getTemplate(db, recruiter, id)).rounds.map((r) => r.id);
		const history = await listAuditEvents(db, 'template', id);
		const attempts = [
			() => listTemplates(db, manager),
			() => getTemplate(db, manager, id),
			() => createTemplate(db, manager, dataEngineer),
			() => createTemplateWithRounds(db, manager, { ...dataEngineer, rounds: [codingRound] }),
			() => updateTemplate(db, manager, id, dataEngineer),
			() => addRound(db, manager, id, codingRound),
			() => updateRound(db, manager, id, roundIds[0]!, codingRound),
			() => removeRound(db, manager, id, roundIds[0]!),
			() => reorderRounds(db, manager, id, [...roundIds].reverse()),
			() => moveRound(db, manager, id, roundIds[1]!, 'up'),
			() => duplicateTemplate(db, manager, id),
			() => setTemplateArchived(db, manager, id, true)
		];
		for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
		expect(await listAuditEvents(db, 'template', id)).toEqual(history);
		expect((await getTemplate(db, recruiter, id)).rounds.map((r) => r.id)).toEqual(roundIds);
		expect((await listTemplates(db, recruiter, { includeArchived: true })).map((t) => t.name)).not.toContain(
			'Data Engineer'
		);
	});
});

describe('duplicating a template', () => {
	it('copies its rounds with their competencies and questions under a free name; the copy changes alone', async () => {
		const { db, recruiter } = await setting();
		const source = await getTemplate(db, recruiter, await templateId(db));
		const copyId = await duplicateTemplate(db, recruiter, source.id);
		const copy = await getTemplate(db, recruiter, copyId);
		expect(copy.name).toBe('Senior Software Engineer (copy)');
		const shape = (t: typeof source) =>
			t.rounds.map((r) => ({
				title: r.title,
				kind: r.kind,
				format: r.format,
				durationMinutes: r.durationMinutes,
				competencies: r.competencies.map((c) => c.id),
				questions: r.questions.map((q) => q.id)
			}));
		expect(shape(copy)).toEqual(shape(source));
		expect(shape(copy)[0]!.questions.length).toBeGreaterThan(0);
		expect((await getTemplate(db, recruiter, await duplicateTemplate(db, recruiter, source.id))).name).toBe(
			'Senior Software Engineer (copy 2)'
		);

		const first = copy.rounds[0]!;
		await removeRound(db, recruiter, copyId, first.id);
		expect(shape(await getTemplate(db, recruiter, source.id))).toEqual(shape(source));
	});
});

describe('archiving a template', () => {
	it('takes it out of the list and out of new openings, audited; restoring brings it back', async () => {
		const { db, recruiter } = await setting();
		const manager = await newUser(db);
		const id = await createTemplate(db, recruiter, dataEngineer);
		await setTemplateArchived(db, recruiter, id, true);
		expect((await listTemplates(db, recruiter)).map((t) => t.id)).not.toContain(id);
		expect(
			(await listTemplates(db, recruiter, { includeArchived: true })).find((t) => t.id === id)!.archivedAt
		).not.toBeNull();
		const opening = {
			title: 'Data Engineer',
			team: 'Data',
			level: 'Senior',
			templateId: id,
			hiringManagerIds: [manager.id],
			status: 'open' as const
		};
		const refused = await createOpening(db, recruiter, opening).catch((e: InputError) => e.fieldErrors);
		expect(refused).toEqual({ templateId: 'Choose a loop template from the list' });

		await setTemplateArchived(db, recruiter, id, false);
		expect((await listTemplates(db, recruiter)).map((t) => t.id)).toContain(id);
		await createOpening(db, recruiter, opening);
		expect((await auditOf(db, id)).map((e) => e.action)).toEqual([
			'template.created',
			'template.archived',
			'template.restored'
		]);
		await expect(setTemplateArchived(db, recruiter, 987_654, true)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('a template’s history', () => {
	it('never reaches a loop made from it: edits, removals, reordering and archiving leave the loop’s rounds as they were', async () => {
		const { db, recruiter, codingRound } = await setting();
		const manager = await newUser(db);
		const id = await createTemplate(db, recruiter, dataEngineer);
		const design = await competencyId(db, 'System design');
		const first = await addRound(db, recruiter, id, codingRound);
		const second = await addRound(db, recruiter, id, {
			...codingRound,
			title: 'Design',
			format: 'system_design',
			competencyIds: [design],
			questionIds: []
		});
		const openingId = await newOpening(db, [manager], { templateName: 'Data Engineer' });
		const { loopId } = await createLoop(db, recruiter, {
			candidateId: await newCandidate(db, [openingId]),
			openingId,
			panel: []
		});
		const roundsOf = async () =>
			(await getLoop(db, recruiter, loopId)).rounds.map((r) => [
				r.title,
				r.durationMinutes,
				r.competencies.map((c) => c.id)
			]);
		const before = await roundsOf();
		expect(before).toEqual([
			['Coding', 60, [codingRound.competencyIds[0]]],
			['Design', 60, [design]]
		]);

		await updateRound(db, recruiter, id, first, { ...codingRound, title: 'Pairing', durationMinutes: 90 });
		await reorderRounds(db, recruiter, id, [second, first]);
		await removeRound(db, recruiter, id, second);
		await setTemplateArchived(db, recruiter, id, true);
		expect(await roundsOf()).toEqual(before);
		// …and the template's own audit keeps each round as it was before the change.
		const audit = await auditOf(db, id);
		expect(audit.find((e) => e.action === 'template.round_updated')!.before).toMatchObject({
			title: 'Coding',
			durationMinutes: 60
		});
		expect(audit.find((e) => e.action === 'template.round_removed')!.before).toMatchObject({
			title: 'Design'
		});
	});
});
