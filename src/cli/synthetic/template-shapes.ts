import type { DB } from '../../lib/server/platform/db';

export interface TemplateShape {
	id: number;
	name: string;
	visibilityMode: string;
	rounds: {
		title: string;
		kind: 'technical' | 'leadership';
		format: string;
		durationMinutes: number;
		competencies: { id: number; revisionId: number }[];
		questions: { id: number; revisionId: number }[];
	}[];
}

/** The templates the default library installed, each round with the revisions a loop pins. */
export async function readTemplateShapes(db: DB): Promise<TemplateShape[]> {
	const rows = await db
		.selectFrom('loopTemplate')
		.select(['id', 'name', 'visibilityMode'])
		.orderBy('id')
		.execute();
	const shapes: TemplateShape[] = [];
	for (const t of rows) {
		const rounds = await db
			.selectFrom('templateRound')
			.selectAll()
			.where('templateId', '=', t.id)
			.orderBy('position')
			.execute();
		const shape: TemplateShape = { ...t, rounds: [] };
		for (const r of rounds) {
			const competencies = await db
				.selectFrom('templateRoundCompetency as trc')
				.innerJoin('competency', 'competency.id', 'trc.competencyId')
				.select(['competency.id', 'competency.currentRevisionId as revisionId'])
				.where('trc.roundId', '=', r.id)
				.orderBy('trc.position')
				.execute();
			const questions = await db
				.selectFrom('templateRoundQuestion as trq')
				.innerJoin('question', 'question.id', 'trq.questionId')
				.select(['question.id', 'question.currentRevisionId as revisionId'])
				.where('trq.roundId', '=', r.id)
				.orderBy('trq.position')
				.execute();
			shape.rounds.push({
				title: r.title,
				kind: r.kind,
				format: r.format,
				durationMinutes: r.durationMinutes,
				competencies: competencies.map((c) => ({ id: c.id, revisionId: c.revisionId! })),
				questions: questions.map((q) => ({ id: q.id, revisionId: q.revisionId! }))
			});
		}
		shapes.push(shape);
	}
	return shapes;
}
