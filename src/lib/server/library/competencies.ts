import type { DB } from '../platform/db';
import type { CompetencyKind } from '../../domain/library';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { NotFoundError } from '../platform/errors';

export interface CompetencySummary {
	id: number;
	name: string;
	kind: CompetencyKind;
	description: string;
	revision: number;
	archivedAt: number | null;
	questionCount: number;
}

export interface CompetencyRevision {
	id: number;
	revision: number;
	name: string;
	description: string;
	anchors: [string, string, string, string];
	createdAt: number;
	createdByName: string | null;
}

export interface CompetencyDetail extends CompetencySummary {
	anchors: [string, string, string, string];
	revisions: CompetencyRevision[];
	usage: CompetencyUsage;
}

export interface CompetencyUsage {
	templates: number;
	loops: number;
	questions: number;
}

export async function listCompetencies(
	db: DB,
	actor: AuthUser,
	filter: { kind?: CompetencyKind; includeArchived?: boolean } = {}
): Promise<CompetencySummary[]> {
	assertCanManageHiring(actor);
	return competencySummaries(db, filter);
}

async function competencySummaries(
	db: DB,
	filter: { kind?: CompetencyKind; includeArchived?: boolean; id?: number }
): Promise<CompetencySummary[]> {
	let query = db
		.selectFrom('competency')
		.innerJoin('competencyRevision as rev', 'rev.id', 'competency.currentRevisionId')
		.select((eb) => [
			'competency.id',
			'competency.name',
			'competency.kind',
			'competency.archivedAt',
			'rev.description',
			'rev.revision',
			eb
				.selectFrom('questionCompetency')
				.innerJoin('question', 'question.id', 'questionCompetency.questionId')
				.select((q) => q.fn.countAll<number>().as('n'))
				.whereRef('questionCompetency.competencyId', '=', 'competency.id')
				.where('question.archivedAt', 'is', null)
				.as('questionCount')
		])
		.orderBy('competency.kind', 'desc')
		.orderBy('competency.id');
	if (filter.kind) query = query.where('competency.kind', '=', filter.kind);
	if (!filter.includeArchived) query = query.where('competency.archivedAt', 'is', null);
	if (filter.id !== undefined) query = query.where('competency.id', '=', filter.id);
	const rows = await query.execute();
	return rows.map((r) => ({ ...r, questionCount: Number(r.questionCount ?? 0) }));
}

export async function getCompetency(db: DB, actor: AuthUser, id: number): Promise<CompetencyDetail> {
	assertCanManageHiring(actor);
	const [summary] = await competencySummaries(db, { includeArchived: true, id });
	if (!summary) throw new NotFoundError('No such competency');
	const revisions = await db
		.selectFrom('competencyRevision as rev')
		.leftJoin('user', 'user.id', 'rev.createdBy')
		.select([
			'rev.id',
			'rev.revision',
			'rev.name',
			'rev.description',
			'rev.anchor1',
			'rev.anchor2',
			'rev.anchor3',
			'rev.anchor4',
			'rev.createdAt',
			'user.name as createdByName'
		])
		.where('rev.competencyId', '=', id)
		.orderBy('rev.revision', 'desc')
		.execute();
	const history = revisions.map(({ anchor1, anchor2, anchor3, anchor4, ...rest }) => ({
		...rest,
		anchors: [anchor1, anchor2, anchor3, anchor4] as [string, string, string, string]
	}));
	return {
		...summary,
		anchors: history[0]!.anchors,
		revisions: history,
		usage: await competencyUsage(db, id)
	};
}

export async function competencyUsage(db: DB, id: number): Promise<CompetencyUsage> {
	const count = (table: 'templateRoundCompetency' | 'loopRoundCompetency' | 'questionCompetency') =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('competencyId', '=', id)
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n));
	const [templates, loops, questions] = await Promise.all([
		count('templateRoundCompetency'),
		count('loopRoundCompetency'),
		count('questionCompetency')
	]);
	return { templates, loops, questions };
}
