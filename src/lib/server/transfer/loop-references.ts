import { referenceIssues, submissionIssues, type ScorecardRound } from '../../domain/scorecard';
import type { Checks, Path } from './checks';
import { storedDocument } from './convert';
import type { ExportDocument, ExportLoop, ExportLoopRound, ExportScorecard } from './format-loops';
import { KnownIds } from './parse';
import { sentence } from './zod-problems';

// A loop's references: its candidate, opening and template, its frozen rounds' pinned
// revisions, its panel's seats and documents (which must fit their round, as the app's own
// checks have it), its debrief and its decisions.

export function checkLoops(c: Checks): void {
	const { file, known } = c.parsed;
	const ids = {
		loop: c.uniqueIds('loop'),
		round: c.uniqueIds('loop round'),
		roundQuestion: c.uniqueIds('loop round question'),
		scorecard: c.uniqueIds('scorecard'),
		submission: c.uniqueIds('submission'),
		decision: c.uniqueIds('decision')
	};
	for (const loop of file.loops) {
		const at = ['loops', c.at(loop)];
		ids.loop(at, loop.id);
		c.ref([...at, 'candidateId'], loop.candidateId, known.candidates, 'candidate');
		c.ref([...at, 'openingId'], loop.openingId, known.openings, 'opening');
		c.ref([...at, 'templateId'], loop.templateId, known.templates, 'template');
		c.ref([...at, 'createdBy'], loop.createdBy, known.users, 'user');
		for (const round of loop.rounds) checkLoopRound(c, [...at, 'rounds', c.at(round)], round, ids);
		checkPanel(c, at, loop, ids);
		if (loop.debrief) {
			const debrief = loop.debrief;
			c.ref([...at, 'debrief', 'updatedBy'], debrief.updatedBy, known.users, 'user');
			c.refs([...at, 'debrief', 'attendeeIds'], debrief.attendeeIds, known.users, 'user');
			for (const key of Object.keys(debrief.notes)) {
				const competencyId = key.startsWith('competency-') ? key.slice('competency-'.length) : null;
				c.ref([...at, 'debrief', 'notes', key], competencyId, known.competencies, 'competency');
			}
		}
		for (const decision of loop.decisions) {
			const path = [...at, 'decisions', c.at(decision)];
			ids.decision(path, decision.id);
			c.ref([...path, 'decidedBy'], decision.decidedBy, known.users, 'user');
			decision.attendees.forEach((a, i) => c.ref([...path, 'attendees', i, 'id'], a.id, known.users, 'user'));
		}
	}
}

function checkLoopRound(
	c: Checks,
	at: Path,
	round: ExportLoopRound,
	ids: Record<'round' | 'roundQuestion', (path: Path, id: string) => void>
): void {
	const { known } = c.parsed;
	ids.round(at, round.id);
	const seen = new Set<string>();
	round.competencies.forEach(({ competencyId, revisionId }, i) => {
		const path = [...at, 'competencies', i];
		if (seen.has(competencyId))
			c.report([...path, 'competencyId'], `competency "${competencyId}" is listed twice`);
		seen.add(competencyId);
		c.ref([...path, 'competencyId'], competencyId, known.competencies, 'competency');
		checkRevision(
			c,
			[...path, 'revisionId'],
			revisionId,
			competencyId,
			known.competencyRevisions,
			'competency'
		);
	});
	round.questions.forEach((question, i) => {
		const path = [...at, 'questions', i];
		ids.roundQuestion(path, question.id);
		c.ref([...path, 'questionId'], question.questionId, known.questions, 'question');
		checkRevision(
			c,
			[...path, 'revisionId'],
			question.revisionId,
			question.questionId,
			known.questionRevisions,
			'question'
		);
	});
}

export function checkRevision(
	c: Checks,
	path: Path,
	revisionId: string,
	ownerId: string | null,
	owners: KnownIds,
	what: 'competency' | 'question'
): void {
	if (!c.ref(path, revisionId, owners, `${what} revision`)) return;
	const owner = owners.owners.get(revisionId);
	if (ownerId !== null && owner !== undefined && owner !== ownerId) {
		c.report(path, `revision "${revisionId}" belongs to ${what} "${owner}", not "${ownerId}"`);
	}
}

function checkPanel(
	c: Checks,
	at: Path,
	loop: ExportLoop,
	ids: Record<'scorecard' | 'submission', (path: Path, id: string) => void>
): void {
	const { known } = c.parsed;
	const names = c.competencyNames;
	const rounds = new Map(loop.rounds.map((r) => [r.id, r]));
	const seats = c.unique();
	for (const card of loop.panel) {
		const path = [...at, 'panel', c.at(card)];
		ids.scorecard(path, card.id);
		c.ref(
			[...path, 'roundId'],
			card.roundId,
			known.loopRounds.get(loop.id) ?? new KnownIds(),
			'round',
			'in this loop'
		);
		c.ref([...path, 'interviewerId'], card.interviewerId, known.users, 'user');
		seats(
			[...path, 'interviewerId'],
			`${card.roundId}|${card.interviewerId}`,
			(first) => `this interviewer already has a seat in this round (${first})`
		);
		checkStatus(c, path, card);
		const round = rounds.get(card.roundId);
		const shape: ScorecardRound | undefined = round && {
			kind: round.kind,
			format: round.format,
			evidenceRule: loop.evidenceRule,
			competencies: round.competencies.map((x) => ({
				id: Number(x.competencyId),
				name: names.get(x.competencyId) ?? `competency ${x.competencyId}`
			})),
			questions: round.questions.map((q) => ({ id: Number(q.id) }))
		};
		if (shape) checkDocument(c, [...path, 'document'], card.document, shape, card.status === 'submitted');
		card.submissions.forEach((submission, i) => {
			const sub = [...path, 'submissions', i];
			ids.submission(sub, submission.id);
			c.ref([...sub, 'submittedBy'], submission.submittedBy, known.users, 'user');
			if (shape) checkDocument(c, [...sub, 'document'], submission.document, shape, false);
		});
	}
}

/** Times and history agree with the status: only a submitted scorecard has them. */
function checkStatus(c: Checks, path: Path, card: ExportScorecard): void {
	const submitted = card.status === 'submitted';
	if (submitted && card.submittedAt === null)
		c.report([...path, 'submittedAt'], 'a submitted scorecard has the time it was submitted');
	if (!submitted && card.submittedAt !== null)
		c.report([...path, 'submittedAt'], `a ${card.status} scorecard has no submission time (null)`);
	if (!submitted && card.amendedAt !== null)
		c.report([...path, 'amendedAt'], `a ${card.status} scorecard cannot have been amended (null)`);
	if (!submitted && card.submissions.length)
		c.report([...path, 'submissions'], `a ${card.status} scorecard has no submissions`);
}

/** The app's own rules: ratings and notes belong to the round; a submitted one is complete. */
function checkDocument(
	c: Checks,
	at: Path,
	doc: ExportDocument,
	round: ScorecardRound,
	submitted: boolean
): void {
	const stored = storedDocument(doc);
	for (const issue of referenceIssues(stored, round)) {
		const parts = issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
		c.report([...at, ...parts], sentence(issue.message));
	}
	if (!submitted) return;
	for (const issue of submissionIssues(stored, round)) {
		c.report(at, `a submitted scorecard must be complete: ${sentence(issue.message)}`);
	}
}
