import { describe, expect, it } from 'vitest';
import type { CompetencyInput } from '../../../src/lib/domain/library-schemas';
import { competencySchema } from '../../../src/lib/domain/library-schemas';
import { getCompetency, listCompetencies } from '../../../src/lib/server/library/competencies';
import {
	createCompetency,
	deleteCompetency,
	reviseCompetency,
	setCompetencyArchived
} from '../../../src/lib/server/library/competency-edits';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { installDefaultLibrary } from '../../../src/lib/server/library/install';
import { createQuestion, listQuestions, updateQuestion } from '../../../src/lib/server/library/questions';
import { listTemplates } from '../../../src/lib/server/library/templates';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const listening: CompetencyInput = {
	name: 'Active listening',
	kind: 'leadership',
	description: 'Hears what others mean.',
	anchor1: 'Talked over people.',
	anchor2: 'Listened, missed the point.',
	anchor3: 'Reflected back accurately.',
	anchor4: 'Drew out what was unsaid.'
};

describe('default library', () => {
	it('ships 15 competencies with four anchors, three questions each, and two mixed templates', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const competencies = await listCompetencies(db, recruiter);
		expect(competencies).toHaveLength(15);
		expect(competencies.filter((c) => c.kind === 'technical')).toHaveLength(5);
		for (const c of competencies) expect(c.questionCount, c.name).toBeGreaterThanOrEqual(3);
		const coding = await getCompetency(db, recruiter, competencies.find((c) => c.name === 'Coding')!.id);
		expect(coding.anchors.every((a) => a.length > 20)).toBe(true);

		const leadershipQuestions = await listQuestions(db, recruiter, { kind: 'leadership' });
		for (const q of leadershipQuestions)
			expect(q.prompt, q.prompt).toMatch(/^(Tell me about|Describe a specific (situation|project) where)/);

		const templates = await listTemplates(db, recruiter);
		expect(templates.map((t) => t.name).sort()).toEqual(['Engineering Manager', 'Senior Software Engineer']);
		for (const t of templates) {
			expect(t.technicalRounds).toBeGreaterThanOrEqual(2);
			expect(t.leadershipRounds).toBeGreaterThanOrEqual(2);
		}
	});

	it('is installed once: a second call adds nothing', async () => {
		const db = freshDb();
		expect(await installDefaultLibrary(db)).toBe(false);
		const recruiter = await newUser(db, { role: 'recruiter' });
		expect(await listCompetencies(db, recruiter)).toHaveLength(15);
	});
});

describe('competencies', () => {
	it('belong to admins and recruiters only', async () => {
		const db = freshDb();
		const interviewer = await newUser(db);
		await expect(listCompetencies(db, interviewer)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createCompetency(db, interviewer, listening)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('an edit adds a revision and keeps the old one intact', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const id = await createCompetency(db, recruiter, listening);
		const first = await getCompetency(db, recruiter, id);
		expect(first.revision).toBe(1);

		expect(await reviseCompetency(db, recruiter, id, listening)).toEqual({ revised: false });
		expect(
			await reviseCompetency(db, recruiter, id, {
				...listening,
				anchor3: 'Summarised the other side fairly.'
			})
		).toEqual({ revised: true });

		const second = await getCompetency(db, recruiter, id);
		expect(second.revision).toBe(2);
		expect(second.anchors[2]).toBe('Summarised the other side fairly.');
		expect(second.revisions.map((r) => r.revision)).toEqual([2, 1]);
		expect(second.revisions[1]!.anchors[2]).toBe('Reflected back accurately.');
		expect(second.revisions[1]!.id).toBe(first.revisions[0]!.id);
	});

	it('refuses a duplicate name in any case, including an archived one', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const error = await createCompetency(db, recruiter, { ...listening, name: 'coding' }).catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors.name).toBe('A competency with this name already exists');
		const id = await createCompetency(db, recruiter, listening);
		await setCompetencyArchived(db, recruiter, id, true);
		const archivedClash = await createCompetency(db, recruiter, {
			...listening,
			name: 'ACTIVE LISTENING'
		}).catch((e) => e);
		expect(archivedClash.fieldErrors.name).toMatch(/archived competency has this name/);
	});

	it('an unused competency can be deleted; a used one only archived', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const unused = await createCompetency(db, recruiter, listening);
		await deleteCompetency(db, recruiter, unused);
		expect((await listCompetencies(db, recruiter, { includeArchived: true })).map((c) => c.id)).not.toContain(
			unused
		);

		const coding = (await listCompetencies(db, recruiter)).find((c) => c.name === 'Coding')!;
		await expect(deleteCompetency(db, recruiter, coding.id)).rejects.toThrow(/can only be archived/);
		await setCompetencyArchived(db, recruiter, coding.id, true);
		expect((await listCompetencies(db, recruiter)).map((c) => c.name)).not.toContain('Coding');
		expect((await listCompetencies(db, recruiter, { includeArchived: true })).map((c) => c.name)).toContain(
			'Coding'
		);
	});

	it('validates every field with a specific message', () => {
		const result = competencySchema.safeParse({
			...listening,
			name: '  ',
			anchor2: 'x'.repeat(601),
			kind: 'social'
		});
		expect(result.success).toBe(false);
		const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(messages).toEqual({
			name: 'Enter a name',
			kind: 'Choose technical or leadership',
			anchor2: 'What earns a 2 (below the bar): use at most 600 characters'
		});
	});
});

describe('questions', () => {
	it('link to competencies and filter by competency and kind', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const listeningId = await createCompetency(db, recruiter, listening);
		const id = await createQuestion(db, recruiter, {
			prompt: 'Tell me about a time you misunderstood a colleague.',
			probes: 'What happened?\n\nWhat did you change?',
			goodLooksLike: 'Owns the misunderstanding.',
			redFlags: '',
			competencyIds: [listeningId]
		});
		const byCompetency = await listQuestions(db, recruiter, { competencyId: listeningId });
		expect(byCompetency.map((q) => q.id)).toEqual([id]);
		expect(byCompetency[0]!.probes).toEqual(['What happened?', 'What did you change?']);
		expect((await listQuestions(db, recruiter, { kind: 'technical' })).map((q) => q.id)).not.toContain(id);

		await setCompetencyArchived(db, recruiter, listeningId, true);
		// Already linked: the edit may keep it. Not linked yet: an archived one cannot be added.
		await updateQuestion(db, recruiter, id, {
			prompt: 'Tell me about a time you misread a room.',
			probes: '',
			goodLooksLike: 'x',
			redFlags: '',
			competencyIds: [listeningId]
		});
		const other = await createQuestion(db, recruiter, {
			prompt: 'Q',
			probes: '',
			goodLooksLike: 'x',
			redFlags: '',
			competencyIds: [1]
		});
		await expect(
			updateQuestion(db, recruiter, other, {
				prompt: 'Q',
				probes: '',
				goodLooksLike: 'x',
				redFlags: '',
				competencyIds: [listeningId]
			})
		).rejects.toBeInstanceOf(InputError);
	});
});
