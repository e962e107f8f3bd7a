import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CompetencyKind } from '../../domain/library';
import type { QuestionInput } from '../../domain/library-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { setArchived } from './archiving';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';

export interface QuestionSummary {
	id: number;
	prompt: string;
	probes: string[];
	goodLooksLike: string;
	redFlags: string;
	archivedAt: number | null;
	competencies: { id: number; name: string; kind: CompetencyKind }[];
}

export interface QuestionFilter {
	competencyId?: number;
	kind?: CompetencyKind;
	includeArchived?: boolean;
}

/** Probes are stored one per line; blank lines are dropped. */
export function splitProbes(probes: string): string[] {
	return probes
		.split('\n')
		.map((p) => p.trim())
		.filter(Boolean);
}

export async function listQuestions(
	db: DB,
	actor: AuthUser,
	filter: QuestionFilter = {}
): Promise<QuestionSummary[]> {
	assertCanManageHiring(actor);
	return questionSummaries(db, filter);
}

export async function questionSummaries(
	db: DB,
	filter: QuestionFilter & { ids?: number[] }
): Promise<QuestionSummary[]> {
	let query = db.selectFrom('question').selectAll().orderBy('id');
	if (!filter.includeArchived) query = query.where('archivedAt', 'is', null);
	if (filter.ids) query = query.where('id', 'in', filter.ids.length ? filter.ids : [-1]);
	if (filter.competencyId !== undefined || filter.kind !== undefined) {
		query = query.where('id', 'in', (eb) => {
			let links = eb
				.selectFrom('questionCompetency')
				.innerJoin('competency', 'competency.id', 'questionCompetency.competencyId')
				.select('questionCompetency.questionId');
			if (filter.competencyId !== undefined) links = links.where('competency.id', '=', filter.competencyId);
			if (filter.kind !== undefined) links = links.where('competency.kind', '=', filter.kind);
			return links;
		});
	}
	const questions = await query.execute();
	const links = await db
		.selectFrom('questionCompetency')
		.innerJoin('competency', 'competency.id', 'questionCompetency.competencyId')
		.select(['questionCompetency.questionId', 'competency.id', 'competency.name', 'competency.kind'])
		.where('questionCompetency.questionId', 'in', questions.length ? questions.map((q) => q.id) : [-1])
		.orderBy('competency.id')
		.execute();
	return questions.map((q) => ({
		id: q.id,
		prompt: q.prompt,
		probes: splitProbes(q.probes),
		goodLooksLike: q.goodLooksLike,
		redFlags: q.redFlags,
		archivedAt: q.archivedAt,
		competencies: links.filter((l) => l.questionId === q.id).map(({ id, name, kind }) => ({ id, name, kind }))
	}));
}

export async function getQuestion(db: DB, actor: AuthUser, id: number): Promise<QuestionSummary> {
	assertCanManageHiring(actor);
	const [question] = await questionSummaries(db, { ids: [id], includeArchived: true });
	if (!question) throw new NotFoundError('No such question');
	return question;
}

async function assertLinkableCompetencies(
	db: DB,
	ids: number[],
	alreadyLinked: number[] = []
): Promise<void> {
	const rows = await db
		.selectFrom('competency')
		.select(['id', 'archivedAt'])
		.where('id', 'in', ids.length ? ids : [-1])
		.execute();
	const usable = new Set(
		rows.filter((r) => r.archivedAt === null || alreadyLinked.includes(r.id)).map((r) => r.id)
	);
	if (ids.some((id) => !usable.has(id))) {
		throw new InputError({
			competencyIds: 'Choose competencies from the library (archived ones cannot be added)'
		});
	}
}

export async function insertQuestion(
	db: DB,
	actorId: number | null,
	input: QuestionInput,
	now = Date.now()
): Promise<number> {
	await assertLinkableCompetencies(db, input.competencyIds);
	const { id } = await db
		.insertInto('question')
		.values({
			prompt: input.prompt,
			probes: input.probes,
			goodLooksLike: input.goodLooksLike,
			redFlags: input.redFlags,
			archivedAt: null,
			createdAt: now,
			updatedAt: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await addRevision(db, id, 1, input, now);
	await db
		.insertInto('questionCompetency')
		.values([...new Set(input.competencyIds)].map((competencyId) => ({ questionId: id, competencyId })))
		.execute();
	await recordAudit(
		db,
		{ actorUserId: actorId, action: 'question.created', entityType: 'question', entityId: id, after: input },
		now
	);
	return id;
}

/** Stores a version of the question's text and makes it the current one. */
async function addRevision(db: DB, questionId: number, revision: number, input: QuestionInput, now: number) {
	const { id } = await db
		.insertInto('questionRevision')
		.values({
			questionId,
			revision,
			prompt: input.prompt,
			probes: input.probes,
			goodLooksLike: input.goodLooksLike,
			redFlags: input.redFlags,
			createdAt: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.updateTable('question').set({ currentRevisionId: id }).where('id', '=', questionId).execute();
}

export async function createQuestion(
	db: DB,
	actor: AuthUser,
	input: QuestionInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute((trx) => insertQuestion(trx, actor.id, input, now));
}

/** A text change adds a revision; loops keep the revision they were created with. */
export async function updateQuestion(
	db: DB,
	actor: AuthUser,
	id: number,
	input: QuestionInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = await questionSummaries(trx, { ids: [id], includeArchived: true });
		if (!before[0]) throw new NotFoundError('No such question');
		await assertLinkableCompetencies(
			trx,
			input.competencyIds,
			before[0].competencies.map((c) => c.id)
		);
		const old = before[0];
		const textChanged =
			old.prompt !== input.prompt ||
			old.probes.join('\n') !== splitProbes(input.probes).join('\n') ||
			old.goodLooksLike !== input.goodLooksLike ||
			old.redFlags !== input.redFlags;
		if (textChanged) {
			const { next } = await trx
				.selectFrom('questionRevision')
				.select(sql<number>`coalesce(max(revision), 0) + 1`.as('next'))
				.where('questionId', '=', id)
				.executeTakeFirstOrThrow();
			await addRevision(trx, id, next, input, now);
		}
		await trx
			.updateTable('question')
			.set({
				prompt: input.prompt,
				probes: input.probes,
				goodLooksLike: input.goodLooksLike,
				redFlags: input.redFlags,
				updatedAt: now
			})
			.where('id', '=', id)
			.execute();
		await trx.deleteFrom('questionCompetency').where('questionId', '=', id).execute();
		await trx
			.insertInto('questionCompetency')
			.values([...new Set(input.competencyIds)].map((competencyId) => ({ questionId: id, competencyId })))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'question.updated',
				entityType: 'question',
				entityId: id,
				before: before[0],
				after: input
			},
			now
		);
	});
}

export function setQuestionArchived(
	db: DB,
	actor: AuthUser,
	id: number,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	return setArchived(db, actor, 'question', id, archived, now);
}
