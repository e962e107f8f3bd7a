import { describe, expect, it } from 'vitest';
import type { RoundInput } from '../../../src/lib/domain/library-schemas';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { setArchived } from '../../../src/lib/server/library/archiving';
import { addRound, removeRound, updateRound } from '../../../src/lib/server/library/template-rounds';
import {
	createTemplate,
	createTemplateWithRounds,
	getTemplate,
	listTemplates
} from '../../../src/lib/server/library/templates';
import { moveRound, reorderRounds } from '../../../src/lib/server/library/round-order';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { InputError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { competencyId, newUser, questionIdsOf, templateId } from '../../support/seed';

const template = {
	name: 'Data Engineer',
	description: '',
	visibilityMode: 'after_own' as const,
	evidenceRule: 'required' as const
};

/** A new template with no rounds yet, and rounds to put on it. */
async function setting() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const coding = await competencyId(db, 'Coding');
	const communication = await competencyId(db, 'Communication');
	const round = (title: string, overrides: Partial<RoundInput> = {}): RoundInput => ({
		title,
		kind: 'technical',
		format: 'coding',
		durationMinutes: 45,
		competencyIds: [coding],
		questionIds: [],
		...overrides
	});
	const id = await createTemplate(db, recruiter, template);
	return { db, recruiter, coding, communication, round, id };
}

const titles = async (db: DB, actor: AuthUser, id: number) =>
	(await getTemplate(db, actor, id)).rounds.map((r) => `${r.position}:${r.title}`);

const actions = async (db: DB, id: number) =>
	(await listAuditEvents(db, 'template', id))
		.map((e) => e.action)
		.filter((a) => a.startsWith('template.round'));

describe('rounds of a template', () => {
	it('are added at the end with their competencies and questions, and edited in place', async () => {
		const { db, recruiter, coding, communication, round, id } = await setting();
		const [question] = await questionIdsOf(db, communication);
		const first = await addRound(
			db,
			recruiter,
			id,
			round('Coding', { questionIds: (await questionIdsOf(db, coding)).slice(0, 2) })
		);
		await addRound(
			db,
			recruiter,
			id,
			round('Stakeholders', {
				kind: 'leadership',
				format: 'behavioural',
				competencyIds: [communication],
				questionIds: [question!]
			})
		);
		const detail = await getTemplate(db, recruiter, id);
		expect(
			detail.rounds.map((r) => [
				r.position,
				r.title,
				r.kind,
				r.competencies.map((c) => c.name),
				r.questions.length
			])
		).toEqual([
			[0, 'Coding', 'technical', ['Coding'], 2],
			[1, 'Stakeholders', 'leadership', ['Communication'], 1]
		]);
		expect(detail).toMatchObject({ technicalRounds: 1, leadershipRounds: 1 });

		await updateRound(
			db,
			recruiter,
			id,
			first,
			round('Pairing', { durationMinutes: 90, competencyIds: [coding, communication] })
		);
		expect((await getTemplate(db, recruiter, id)).rounds[0]).toMatchObject({
			position: 0,
			title: 'Pairing',
			durationMinutes: 90,
			competencies: [{ name: 'Coding' }, { name: 'Communication' }],
			questions: []
		});
		expect(await actions(db, id)).toEqual([
			'template.round_added',
			'template.round_added',
			'template.round_updated'
		]);
	});

	it('refuse an archived competency, a question that assesses none of the round’s, and another template’s round', async () => {
		const { db, recruiter, coding, communication, round, id } = await setting();
		const admin = await newUser(db, { role: 'admin' });
		const first = await addRound(db, recruiter, id, round('Coding'));
		await setArchived(db, admin, 'competency', communication, true);
		const fieldErrors = (attempt: Promise<unknown>) => attempt.catch((e: InputError) => e.fieldErrors);

		expect(
			await fieldErrors(addRound(db, recruiter, id, round('Talk', { competencyIds: [communication] })))
		).toEqual({
			competencyIds: 'Choose focus competencies from the library (archived ones cannot be added)'
		});
		const [leadershipQuestion] = await questionIdsOf(db, communication);
		expect(
			await fieldErrors(
				updateRound(db, recruiter, id, first, round('Coding', { questionIds: [leadershipQuestion!] }))
			)
		).toEqual({
			questionIds: 'Choose questions that assess this round’s focus competencies'
		});
		const elsewhere = (await getTemplate(db, recruiter, await templateId(db))).rounds[0]!.id;
		await expect(updateRound(db, recruiter, id, elsewhere, round('Moved'))).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(removeRound(db, recruiter, id, elsewhere)).rejects.toBeInstanceOf(NotFoundError);
		await expect(moveRound(db, recruiter, id, elsewhere, 'up')).rejects.toBeInstanceOf(NotFoundError);
		expect(await titles(db, recruiter, id)).toEqual(['0:Coding']);

		// A competency archived after it was put on a round stays on it through later edits.
		await setArchived(db, admin, 'competency', coding, true);
		await updateRound(db, recruiter, id, first, round('Coding, longer', { durationMinutes: 75 }));
		expect((await getTemplate(db, recruiter, id)).rounds[0]!.competencies).toEqual([
			{ id: coding, name: 'Coding', kind: 'technical', archived: true }
		]);
	});

	it('are removed with the rest renumbered, put in a given order, and moved a step at a time', async () => {
		const { db, recruiter, round, id } = await setting();
		const [a, b, c] = [
			await addRound(db, recruiter, id, round('A')),
			await addRound(db, recruiter, id, round('B')),
			await addRound(db, recruiter, id, round('C'))
		];
		await removeRound(db, recruiter, id, b!);
		expect(await titles(db, recruiter, id)).toEqual(['0:A', '1:C']);
		const d = await addRound(db, recruiter, id, round('D'));
		expect(await titles(db, recruiter, id)).toEqual(['0:A', '1:C', '2:D']);

		await reorderRounds(db, recruiter, id, [d, a!, c!]);
		expect(await titles(db, recruiter, id)).toEqual(['0:D', '1:A', '2:C']);
		await moveRound(db, recruiter, id, a!, 'up');
		expect(await titles(db, recruiter, id)).toEqual(['0:A', '1:D', '2:C']);
		// Already at the top, or the bottom: nothing to do.
		await moveRound(db, recruiter, id, a!, 'up');
		await moveRound(db, recruiter, id, c!, 'down');
		expect(await titles(db, recruiter, id)).toEqual(['0:A', '1:D', '2:C']);

		// Someone removed a round meanwhile: an order that misses it or names it is refused.
		const stale = await reorderRounds(db, recruiter, id, [c!, d]).catch((e: InputError) => e.fieldErrors);
		expect(stale).toEqual({ form: 'The rounds changed meanwhile. Reload the page and try again' });
		await expect(reorderRounds(db, recruiter, id, [c!, d, b!])).rejects.toBeInstanceOf(InputError);
		expect(await titles(db, recruiter, id)).toEqual(['0:A', '1:D', '2:C']);

		const reordered = (await listAuditEvents(db, 'template', id)).filter(
			(e) => e.action === 'template.rounds_reordered'
		);
		expect(reordered.map((e) => [JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
			[
				[a, c, d],
				[d, a, c]
			],
			[
				[d, a, c],
				[a, d, c]
			]
		]);
	});

	it('come with a new template all or nothing: a bad round names its place and saves no template', async () => {
		const { db, recruiter, communication, round } = await setting();
		const admin = await newUser(db, { role: 'admin' });
		await setArchived(db, admin, 'competency', communication, true);
		const refused = await createTemplateWithRounds(db, recruiter, {
			...template,
			name: 'Analytics Engineer',
			rounds: [round('SQL'), round('Talk', { competencyIds: [communication] })]
		}).catch((e: InputError) => e.fieldErrors);
		expect(refused).toEqual({
			'rounds.1.competencyIds': 'Choose focus competencies from the library (archived ones cannot be added)'
		});
		expect((await listTemplates(db, recruiter, { includeArchived: true })).map((t) => t.name)).not.toContain(
			'Analytics Engineer'
		);

		const id = await createTemplateWithRounds(db, recruiter, {
			...template,
			name: 'Analytics Engineer',
			rounds: [round('SQL'), round('Modelling')]
		});
		expect(await titles(db, recruiter, id)).toEqual(['0:SQL', '1:Modelling']);
	});
});
