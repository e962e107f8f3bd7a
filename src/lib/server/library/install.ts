import type { DB } from '../platform/db';
import { insertCompetency } from './competency-edits';
import { insertQuestion } from './questions';
import { insertTemplate } from './templates';
import { insertRound } from './template-rounds';
import { defaultCompetencies, defaultQuestions, defaultTemplates } from './default-content';

const installedKey = 'default_library_installed_at';

/**
 * Installs the default competency library, question bank and example templates into a new
 * database, once: an organisation that later archives or edits them does not get them back.
 */
export async function installDefaultLibrary(db: DB, now = Date.now()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const installed = await trx
			.selectFrom('meta')
			.select('value')
			.where('key', '=', installedKey)
			.executeTakeFirst();
		if (installed) return false;

		const competencyIds = new Map<string, number>();
		for (const c of defaultCompetencies) {
			const [anchor1, anchor2, anchor3, anchor4] = c.anchors;
			const id = await insertCompetency(
				trx,
				null,
				{ name: c.name, kind: c.kind, description: c.description, anchor1, anchor2, anchor3, anchor4 },
				now
			);
			competencyIds.set(c.key, id);
		}
		const idOf = (map: Map<string, number>, key: string) => {
			const id = map.get(key);
			if (id === undefined) throw new Error(`default library: unknown key ${key}`);
			return id;
		};

		const questionIds = new Map<string, number>();
		for (const q of defaultQuestions) {
			const id = await insertQuestion(
				trx,
				null,
				{
					prompt: q.prompt,
					probes: q.probes.join('\n'),
					goodLooksLike: q.goodLooksLike,
					redFlags: q.redFlags,
					competencyIds: q.competencies.map((key) => idOf(competencyIds, key))
				},
				now
			);
			questionIds.set(q.key, id);
		}

		for (const t of defaultTemplates) {
			const templateId = await insertTemplate(
				trx,
				null,
				{
					name: t.name,
					description: t.description,
					visibilityMode: t.visibilityMode,
					evidenceRule: 'required'
				},
				now
			);
			for (const round of t.rounds) {
				await insertRound(
					trx,
					null,
					templateId,
					{
						title: round.title,
						kind: round.kind,
						format: round.format,
						durationMinutes: round.durationMinutes,
						competencyIds: round.competencies.map((key) => idOf(competencyIds, key)),
						questionIds: round.questions.map((key) => idOf(questionIds, key))
					},
					now
				);
			}
		}
		await trx
			.insertInto('meta')
			.values({ key: installedKey, value: String(now) })
			.execute();
		return true;
	});
}
