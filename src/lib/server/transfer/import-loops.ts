import { loopCompletion } from '../../domain/loop-figures';
import type { DB } from '../platform/db';
import {
	dbId as n,
	dbIdOrNull as nOrNull,
	epochMs as ms,
	epochMsOrNull as msOrNull,
	storedDocument
} from './convert';
import type { ExportDecision, ExportLoop, ExportScorecard } from './format-loops';
import { insertRows } from '../platform/insert-rows';

// Writes loops as the file has them: frozen rounds, the panel's scorecards with their
// documents and submissions, debriefs and decisions, with the completeness their panel gives
// them. The rest of what the app derives from them is rebuilt by import-figures.ts.

/** The decision in force: the latest, as recordDecision and migration 005 have it. */
function currentOutcome(decisions: ExportDecision[]) {
	const latest = [...decisions].sort((a, b) => ms(b.decidedAt) - ms(a.decidedAt) || n(b.id) - n(a.id))[0];
	return latest?.outcome ?? null;
}

/** As refreshCardFigures has it: hours from the end of the interview to the submission. */
const delayHoursOf = (scheduledAt: number, submittedAt: number | null, durationMinutes: number) =>
	submittedAt === null ? null : (submittedAt - scheduledAt - 60000 * durationMinutes) / 3600000;

/** Whether a card of the file counts: a practice seat's never does (decision 030). */
export const counts = (card: ExportScorecard) => card.seatRole === undefined;

/** As the app has it: practice seats neither hold a loop back nor complete it. */
export const completionOf = (loop: ExportLoop) =>
	loopCompletion(
		msOrNull(loop.cancelledAt),
		loop.panel.filter(counts).map((c) => ({ status: c.status, submittedAt: msOrNull(c.submittedAt) }))
	);

export async function writeLoops(db: DB, loops: ExportLoop[]): Promise<void> {
	const completions = new Map(loops.map((l) => [l.id, completionOf(l)]));
	await insertRows(
		db,
		'loop',
		loops.map((l) => ({
			id: n(l.id),
			candidateId: n(l.candidateId),
			openingId: n(l.openingId),
			templateId: nOrNull(l.templateId),
			templateName: l.templateName,
			visibilityMode: l.visibilityMode,
			evidenceRule: l.evidenceRule,
			cancelledAt: msOrNull(l.cancelledAt),
			completedAt: completions.get(l.id)!.completedAt,
			outcome: currentOutcome(l.decisions),
			createdBy: nOrNull(l.createdBy),
			createdAt: ms(l.createdAt),
			updatedAt: ms(l.updatedAt)
		}))
	);
	const rounds = loops.flatMap((l) => l.rounds.map((round, position) => ({ loop: l, round, position })));
	await insertRows(
		db,
		'loopRound',
		rounds.map(({ loop, round, position }) => ({
			id: n(round.id),
			loopId: n(loop.id),
			position,
			title: round.title,
			kind: round.kind,
			format: round.format,
			durationMinutes: round.durationMinutes
		}))
	);
	await insertRows(
		db,
		'loopRoundCompetency',
		rounds.flatMap(({ round }) =>
			round.competencies.map((c, position) => ({
				roundId: n(round.id),
				competencyId: n(c.competencyId),
				revisionId: n(c.revisionId),
				position
			}))
		)
	);
	await insertRows(
		db,
		'loopRoundQuestion',
		rounds.flatMap(({ round }) =>
			round.questions.map((q, position) => ({
				id: n(q.id),
				roundId: n(round.id),
				questionId: nOrNull(q.questionId),
				revisionId: n(q.revisionId),
				position
			}))
		)
	);
	const roundOf = new Map(rounds.map(({ round }) => [round.id, round]));
	const seats = loops.flatMap((loop) => loop.panel.map((card) => ({ loop, card })));
	await insertRows(
		db,
		'scorecard',
		seats.map(({ loop, card }) => {
			const document = storedDocument(card.document);
			const round = roundOf.get(card.roundId)!;
			return {
				id: n(card.id),
				loopId: n(loop.id),
				roundId: n(card.roundId),
				interviewerId: n(card.interviewerId),
				seatRole: card.seatRole ?? 'interviewer',
				scheduledAt: ms(card.scheduledAt),
				status: card.status,
				version: card.version,
				startedAt: msOrNull(card.startedAt),
				submittedAt: msOrNull(card.submittedAt),
				content: JSON.stringify(document),
				// The column mirrors the document's once submitted, as submit and amend set it.
				recommendation: card.status === 'submitted' ? document.recommendation : null,
				amendedAt: msOrNull(card.amendedAt),
				openingId: n(loop.openingId),
				roundKind: round.kind,
				complete: counts(card) && completions.get(loop.id)!.complete ? 1 : 0,
				// What refreshCardFigures copies onto a card, worked out here: updating every
				// card again after inserting it doubled PostgreSQL's writes (decision 033).
				loopOutcome: currentOutcome(loop.decisions),
				delayHours: delayHoursOf(ms(card.scheduledAt), msOrNull(card.submittedAt), round.durationMinutes),
				createdAt: ms(card.createdAt),
				updatedAt: ms(card.updatedAt)
			};
		})
	);
	await insertRows(
		db,
		'scorecardSubmission',
		seats.flatMap(({ card }) =>
			card.submissions.map((s) => ({
				id: n(s.id),
				scorecardId: n(card.id),
				content: JSON.stringify(storedDocument(s.document)),
				reason: s.reason,
				submittedBy: n(s.submittedBy),
				submittedAt: ms(s.submittedAt)
			}))
		)
	);
	await insertRows(
		db,
		'debrief',
		loops.flatMap((l) =>
			l.debrief
				? [
						{
							loopId: n(l.id),
							notes: JSON.stringify(l.debrief.notes),
							attendeeIds: JSON.stringify(l.debrief.attendeeIds.map(n)),
							updatedBy: nOrNull(l.debrief.updatedBy),
							updatedAt: ms(l.debrief.updatedAt)
						}
					]
				: []
		)
	);
	await insertRows(
		db,
		'loopDecision',
		loops.flatMap((l) =>
			l.decisions.map((d) => ({
				id: n(d.id),
				loopId: n(l.id),
				outcome: d.outcome,
				rationale: d.rationale,
				dissent: d.dissent,
				attendees: JSON.stringify(d.attendees.map((a) => ({ id: n(a.id), name: a.name }))),
				changeReason: d.changeReason,
				decidedBy: n(d.decidedBy),
				decidedAt: ms(d.decidedAt)
			}))
		)
	);
}
