import { countsInResults, type PracticeRole } from '../../domain/seat-roles';
import type { DB } from '../platform/db';
import { parseDocument } from '../evaluation/scorecards';
import { groupBy } from './export-records';
import { fileDocument, fileId as id, fileIdOrNull as idOrNull, isoTime, isoTimeOrNull } from './convert';
import type { ExportLoop } from './format-loops';

// Loops with everything that hangs off them (rounds as they were frozen, the panel and its
// scorecards, submissions, debrief, decisions), read a page of loops at a time in a fixed
// number of queries.

const loopsPerPage = 500;

async function readParts(db: DB, loopIds: number[]) {
	const [rounds, competencies, questions, scorecards, submissions, debriefs, decisions] = await Promise.all([
		db
			.selectFrom('loopRound')
			.selectAll()
			.where('loopId', 'in', loopIds)
			.orderBy('loopId')
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('loopRound as r', 'r.id', 'lrc.roundId')
			.select(['lrc.roundId', 'lrc.competencyId', 'lrc.revisionId'])
			.where('r.loopId', 'in', loopIds)
			.orderBy('lrc.roundId')
			.orderBy('lrc.position')
			.orderBy('lrc.competencyId')
			.execute(),
		db
			.selectFrom('loopRoundQuestion as lrq')
			.innerJoin('loopRound as r', 'r.id', 'lrq.roundId')
			.select(['lrq.id', 'lrq.roundId', 'lrq.questionId', 'lrq.revisionId'])
			.where('r.loopId', 'in', loopIds)
			.orderBy('lrq.roundId')
			.orderBy('lrq.position')
			.orderBy('lrq.id')
			.execute(),
		db
			.selectFrom('scorecard')
			.select([
				'id',
				'loopId',
				'roundId',
				'interviewerId',
				'seatRole',
				'scheduledAt',
				'status',
				'version',
				'startedAt',
				'submittedAt',
				'amendedAt',
				'createdAt',
				'updatedAt',
				'content'
			])
			.where('loopId', 'in', loopIds)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('scorecardSubmission as s')
			.innerJoin('scorecard as c', 'c.id', 's.scorecardId')
			.select(['s.id', 's.scorecardId', 's.content', 's.reason', 's.submittedBy', 's.submittedAt'])
			.where('c.loopId', 'in', loopIds)
			.orderBy('s.id')
			.execute(),
		db.selectFrom('debrief').selectAll().where('loopId', 'in', loopIds).execute(),
		db.selectFrom('loopDecision').selectAll().where('loopId', 'in', loopIds).orderBy('id').execute()
	]);
	return {
		rounds: groupBy(rounds, (r) => r.loopId),
		competencies: groupBy(competencies, (c) => c.roundId),
		questions: groupBy(questions, (q) => q.roundId),
		scorecards: groupBy(scorecards, (s) => s.loopId),
		submissions: groupBy(submissions, (s) => s.scorecardId),
		debriefs: new Map(debriefs.map((d) => [d.loopId, d])),
		decisions: groupBy(decisions, (d) => d.loopId)
	};
}

/** The loops after `after` in id order, a page of them, each with its key (the database id). */
export async function readLoops(db: DB, after: number): Promise<(ExportLoop & { key: number })[]> {
	const loops = await db
		.selectFrom('loop')
		.selectAll()
		.where('id', '>', after)
		.orderBy('id')
		.limit(loopsPerPage)
		.execute();
	if (!loops.length) return [];
	const parts = await readParts(
		db,
		loops.map((l) => l.id)
	);
	return loops.map((loop) => {
		const debrief = parts.debriefs.get(loop.id);
		return {
			key: loop.id,
			id: id(loop.id),
			candidateId: id(loop.candidateId),
			openingId: id(loop.openingId),
			templateId: idOrNull(loop.templateId),
			templateName: loop.templateName,
			visibilityMode: loop.visibilityMode,
			evidenceRule: loop.evidenceRule,
			cancelledAt: isoTimeOrNull(loop.cancelledAt),
			createdBy: idOrNull(loop.createdBy),
			createdAt: isoTime(loop.createdAt),
			updatedAt: isoTime(loop.updatedAt),
			rounds: (parts.rounds.get(loop.id) ?? []).map((r) => ({
				id: id(r.id),
				title: r.title,
				kind: r.kind,
				format: r.format,
				durationMinutes: r.durationMinutes,
				competencies: (parts.competencies.get(r.id) ?? []).map((c) => ({
					competencyId: id(c.competencyId),
					revisionId: id(c.revisionId)
				})),
				questions: (parts.questions.get(r.id) ?? []).map((q) => ({
					id: id(q.id),
					questionId: idOrNull(q.questionId),
					revisionId: id(q.revisionId)
				}))
			})),
			panel: (parts.scorecards.get(loop.id) ?? []).map((s) => ({
				id: id(s.id),
				roundId: id(s.roundId),
				interviewerId: id(s.interviewerId),
				// Practice cards move with the loop, so a trainee's path keeps its progress.
				...(countsInResults(s.seatRole) ? {} : { seatRole: s.seatRole as PracticeRole }),
				scheduledAt: isoTime(s.scheduledAt),
				status: s.status,
				version: s.version,
				startedAt: isoTimeOrNull(s.startedAt),
				submittedAt: isoTimeOrNull(s.submittedAt),
				amendedAt: isoTimeOrNull(s.amendedAt),
				createdAt: isoTime(s.createdAt),
				updatedAt: isoTime(s.updatedAt),
				document: fileDocument(parseDocument(s.content)),
				submissions: (parts.submissions.get(s.id) ?? []).map((sub) => ({
					id: id(sub.id),
					submittedBy: id(sub.submittedBy),
					submittedAt: isoTime(sub.submittedAt),
					reason: sub.reason,
					document: fileDocument(parseDocument(sub.content))
				}))
			})),
			debrief: debrief
				? {
						notes: JSON.parse(debrief.notes) as Record<string, string>,
						attendeeIds: (JSON.parse(debrief.attendeeIds) as number[]).map(id),
						updatedBy: idOrNull(debrief.updatedBy),
						updatedAt: isoTime(debrief.updatedAt)
					}
				: null,
			decisions: (parts.decisions.get(loop.id) ?? []).map((d) => ({
				id: id(d.id),
				outcome: d.outcome,
				rationale: d.rationale,
				dissent: d.dissent,
				attendees: (JSON.parse(d.attendees) as { id: number; name: string }[]).map((a) => ({
					id: id(a.id),
					name: a.name
				})),
				changeReason: d.changeReason,
				decidedBy: id(d.decidedBy),
				decidedAt: isoTime(d.decidedAt)
			}))
		};
	});
}
