import type { DB } from '../platform/db';
import type { DecisionOutcome } from '../../domain/decision';
import { hiddenReasonLines } from '../../domain/feedback-visibility';
import type { ScorecardDocument } from '../../domain/scorecard';
import type { FeedbackAccess } from '../access/feedback-access';
import { parseDocument } from '../evaluation/scorecards';

// One loop of a candidate as the subject access record shows it (subject-access.ts): what
// carries no judgement always, the panel's feedback only where the viewer may see it.

export interface SubjectScorecard {
	scorecardId: number;
	interviewerName: string;
	roundTitle: string;
	recommendation: number | null;
	amendedAt: number | null;
	/** The working copy, with the competencies and questions it names. */
	document: ScorecardDocument;
	competencies: Record<number, string>;
	questions: Record<number, string>;
	/** Every submitted version, the first one and each amendment with its reason. */
	versions: {
		submittedAt: number;
		submittedByName: string;
		reason: string | null;
		document: ScorecardDocument;
	}[];
}

export interface SubjectDecision {
	outcome: DecisionOutcome;
	rationale: string;
	dissent: string;
	attendees: { id: number; name: string }[];
	changeReason: string | null;
	decidedByName: string;
	decidedAt: number;
}

export interface SubjectLoop {
	id: number;
	openingTitle: string;
	templateName: string;
	createdAt: number;
	cancelledAt: number | null;
	completedAt: number | null;
	rounds: { title: string; kind: string; format: string; durationMinutes: number }[];
	panel: {
		scorecardId: number;
		interviewerName: string;
		roundTitle: string;
		scheduledAt: number;
		status: string;
		submittedAt: number | null;
	}[];
	feedback:
		| {
				visible: true;
				outcome: DecisionOutcome | null;
				scorecards: SubjectScorecard[];
				debrief: { notes: Record<string, string>; attendeeIds: number[] } | null;
				decisions: SubjectDecision[];
		  }
		| { visible: false; withheld: string };
}

async function scorecardsOf(db: DB, loopId: number): Promise<SubjectScorecard[]> {
	const [cards, versions, competencies, questions] = await Promise.all([
		db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
			.select([
				'scorecard.id',
				'user.name',
				'loopRound.title',
				'scorecard.recommendation',
				'scorecard.amendedAt',
				'scorecard.content'
			])
			.where('scorecard.loopId', '=', loopId)
			.orderBy('loopRound.position')
			.orderBy('scorecard.id')
			.execute(),
		db
			.selectFrom('scorecardSubmission')
			.innerJoin('scorecard', 'scorecard.id', 'scorecardSubmission.scorecardId')
			.innerJoin('user', 'user.id', 'scorecardSubmission.submittedBy')
			.select([
				'scorecardSubmission.scorecardId',
				'scorecardSubmission.submittedAt',
				'user.name',
				'scorecardSubmission.reason',
				'scorecardSubmission.content'
			])
			.where('scorecard.loopId', '=', loopId)
			.orderBy('scorecardSubmission.id')
			.execute(),
		db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('loopRound', 'loopRound.id', 'lrc.roundId')
			.innerJoin('competencyRevision as rev', 'rev.id', 'lrc.revisionId')
			.select(['lrc.competencyId', 'rev.name'])
			.where('loopRound.loopId', '=', loopId)
			.execute(),
		db
			.selectFrom('loopRoundQuestion as lrq')
			.innerJoin('loopRound', 'loopRound.id', 'lrq.roundId')
			.innerJoin('questionRevision as rev', 'rev.id', 'lrq.revisionId')
			.select(['lrq.questionId', 'rev.prompt'])
			.where('loopRound.loopId', '=', loopId)
			.execute()
	]);
	const competencyNames = Object.fromEntries(competencies.map((c) => [c.competencyId, c.name]));
	const prompts = Object.fromEntries(
		questions.filter((q) => q.questionId !== null).map((q) => [q.questionId, q.prompt])
	);
	return cards.map((c) => ({
		scorecardId: c.id,
		interviewerName: c.name,
		roundTitle: c.title,
		recommendation: c.recommendation,
		amendedAt: c.amendedAt,
		document: parseDocument(c.content),
		competencies: competencyNames,
		questions: prompts,
		versions: versions
			.filter((v) => v.scorecardId === c.id)
			.map((v) => ({
				submittedAt: v.submittedAt,
				submittedByName: v.name,
				reason: v.reason,
				document: parseDocument(v.content)
			}))
	}));
}

async function decisionsOf(db: DB, loopId: number): Promise<SubjectDecision[]> {
	const rows = await db
		.selectFrom('loopDecision')
		.innerJoin('user', 'user.id', 'loopDecision.decidedBy')
		.select([
			'loopDecision.outcome',
			'loopDecision.rationale',
			'loopDecision.dissent',
			'loopDecision.attendees',
			'loopDecision.changeReason',
			'user.name as decidedByName',
			'loopDecision.decidedAt'
		])
		.where('loopDecision.loopId', '=', loopId)
		.orderBy('loopDecision.id')
		.execute();
	return rows.map((r) => ({ ...r, attendees: JSON.parse(r.attendees) as SubjectDecision['attendees'] }));
}

export async function loopRecord(db: DB, loopId: number, access: FeedbackAccess): Promise<SubjectLoop> {
	const [loop, rounds, panel] = await Promise.all([
		db
			.selectFrom('loop')
			.innerJoin('opening', 'opening.id', 'loop.openingId')
			.select([
				'loop.id',
				'opening.title as openingTitle',
				'loop.templateName',
				'loop.createdAt',
				'loop.cancelledAt',
				'loop.completedAt',
				'loop.outcome'
			])
			.where('loop.id', '=', loopId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('loopRound')
			.select(['title', 'kind', 'format', 'durationMinutes'])
			.where('loopId', '=', loopId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
			.select([
				'scorecard.id as scorecardId',
				'user.name as interviewerName',
				'loopRound.title as roundTitle',
				'scorecard.scheduledAt',
				'scorecard.status',
				'scorecard.submittedAt'
			])
			.where('scorecard.loopId', '=', loopId)
			.orderBy('loopRound.position')
			.orderBy('scorecard.id')
			.execute()
	]);
	const { outcome, ...facts } = loop;
	if (!access.visible) {
		return {
			...facts,
			rounds,
			panel,
			feedback: { visible: false, withheld: hiddenReasonLines[access.reason] }
		};
	}
	const [scorecards, debrief, decisions] = await Promise.all([
		scorecardsOf(db, loopId),
		db.selectFrom('debrief').select(['notes', 'attendeeIds']).where('loopId', '=', loopId).executeTakeFirst(),
		decisionsOf(db, loopId)
	]);
	return {
		...facts,
		rounds,
		panel,
		feedback: {
			visible: true,
			outcome,
			scorecards,
			debrief: debrief
				? {
						notes: JSON.parse(debrief.notes) as Record<string, string>,
						attendeeIds: JSON.parse(debrief.attendeeIds) as number[]
					}
				: null,
			decisions
		}
	};
}
