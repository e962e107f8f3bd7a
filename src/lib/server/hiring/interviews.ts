import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CompetencyKind, EvidenceRule, RoundFormat, VisibilityMode } from '../../domain/library';
import { noteFieldsFor, type NoteField } from '../../domain/scorecard';
import { interviewEnd, isLate, isOverdue } from '../../domain/loop-status';
import type { ScorecardStatus } from '../platform/schema-evaluation';
import type { AuthUser } from '../auth/session';
import { ForbiddenError, NotFoundError } from '../platform/errors';
import { feedbackAccess } from '../access/feedback-access';
import { splitProbes } from '../library/questions';
import { getScorecard, type ScorecardView } from '../evaluation/scorecard-reads';

// An interviewer's own interviews: the list, and the brief for one of them.

export interface MyInterview {
	scorecardId: number;
	loopId: number;
	candidateName: string;
	openingTitle: string;
	roundTitle: string;
	kind: CompetencyKind;
	scheduledAt: number;
	endsAt: number;
	status: ScorecardStatus;
	overdue: boolean;
	late: boolean;
}

/** Scorecards with the round, loop, candidate and opening each belongs to. */
function scorecardsWithContext(db: DB) {
	return db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId');
}

/** The actor's own interviews, upcoming (not yet ended) first by time, then past ones newest first. */
export async function listMyInterviews(
	db: DB,
	actor: AuthUser,
	now = Date.now(),
	{ pastLimit = 100 } = {}
): Promise<{ upcoming: MyInterview[]; past: MyInterview[] }> {
	const base = scorecardsWithContext(db)
		.select([
			'scorecard.id as scorecardId',
			'scorecard.loopId',
			'candidate.name as candidateName',
			'opening.title as openingTitle',
			'loopRound.title as roundTitle',
			'loopRound.kind',
			'loopRound.durationMinutes',
			'scorecard.scheduledAt',
			'scorecard.status',
			'scorecard.submittedAt'
		])
		.where('scorecard.interviewerId', '=', actor.id)
		.where('loop.cancelledAt', 'is', null);
	const endExpression = sql<number>`scorecard.scheduled_at + loop_round.duration_minutes * 60000`;
	const [upcoming, past] = await Promise.all([
		base.where(endExpression, '>', now).orderBy('scorecard.scheduledAt').execute(),
		base.where(endExpression, '<=', now).orderBy('scorecard.scheduledAt', 'desc').limit(pastLimit).execute()
	]);
	const shape = (row: (typeof upcoming)[number]): MyInterview => ({
		scorecardId: row.scorecardId,
		loopId: row.loopId,
		candidateName: row.candidateName,
		openingTitle: row.openingTitle,
		roundTitle: row.roundTitle,
		kind: row.kind,
		scheduledAt: row.scheduledAt,
		endsAt: interviewEnd(row.scheduledAt, row.durationMinutes),
		status: row.status,
		overdue: isOverdue(row, now),
		late: isLate(row)
	});
	return { upcoming: upcoming.map(shape), past: past.map(shape) };
}

export interface InterviewKit {
	scorecardId: number;
	loopId: number;
	candidateName: string;
	openingTitle: string;
	/** The opening's description, read-only for the panel. */
	openingDescription: string;
	/** Where the candidate's résumé opens, or null when none is uploaded. */
	resumeHref: string | null;
	scheduledAt: number;
	evidenceRule: EvidenceRule;
	visibilityMode: VisibilityMode;
	scorecard: ScorecardView;
	round: {
		title: string;
		kind: CompetencyKind;
		format: RoundFormat;
		durationMinutes: number;
		noteFields: NoteField[];
		competencies: {
			id: number;
			name: string;
			description: string;
			anchors: [string, string, string, string];
		}[];
		questions: { id: number; prompt: string; probes: string[]; goodLooksLike: string; redFlags: string }[];
	};
	/** Who else is on the panel and whether they have submitted: all a panelist may know before their own is in. */
	panel: { interviewerName: string; roundTitle: string; submitted: boolean; mine: boolean }[];
	feedbackVisible: boolean;
}

/** Everything an interviewer needs to run and score their own interview; nobody else may open it. */
export async function getInterviewKit(db: DB, actor: AuthUser, scorecardId: number): Promise<InterviewKit> {
	const row = await scorecardsWithContext(db)
		.select([
			'scorecard.interviewerId',
			'scorecard.scheduledAt',
			'scorecard.roundId',
			'scorecard.loopId',
			'loop.evidenceRule',
			'loop.visibilityMode',
			'candidate.name as candidateName',
			'opening.title as openingTitle',
			'opening.description as openingDescription',
			'loop.candidateId',
			(eb) =>
				eb
					.exists(
						eb
							.selectFrom('candidateResume')
							.select('candidateResume.candidateId')
							.whereRef('candidateResume.candidateId', '=', 'loop.candidateId')
					)
					.as('hasResume'),
			'loopRound.title',
			'loopRound.kind',
			'loopRound.format',
			'loopRound.durationMinutes'
		])
		.where('scorecard.id', '=', scorecardId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such interview');
	if (row.interviewerId !== actor.id) throw new ForbiddenError('This is another interviewer’s interview');
	const [competencies, questions, panel, scorecard, access] = await Promise.all([
		db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('competencyRevision as rev', 'rev.id', 'lrc.revisionId')
			.select([
				'lrc.competencyId as id',
				'rev.name',
				'rev.description',
				'rev.anchor1',
				'rev.anchor2',
				'rev.anchor3',
				'rev.anchor4'
			])
			.where('lrc.roundId', '=', row.roundId)
			.orderBy('lrc.position')
			.execute(),
		db
			.selectFrom('loopRoundQuestion as lrq')
			.innerJoin('questionRevision as rev', 'rev.id', 'lrq.revisionId')
			.select(['lrq.id', 'rev.prompt', 'rev.probes', 'rev.goodLooksLike', 'rev.redFlags'])
			.where('lrq.roundId', '=', row.roundId)
			.orderBy('lrq.position')
			.execute(),
		db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
			.select(['scorecard.id', 'user.name', 'loopRound.title', 'scorecard.status'])
			.where('scorecard.loopId', '=', row.loopId)
			.orderBy('loopRound.position')
			.orderBy('user.name')
			.execute(),
		getScorecard(db, actor, scorecardId),
		feedbackAccess(db, actor, row.loopId)
	]);
	return {
		scorecardId,
		loopId: row.loopId,
		candidateName: row.candidateName,
		openingDescription: row.openingDescription,
		resumeHref: Number(row.hasResume) ? `/candidates/${row.candidateId}/resume` : null,
		openingTitle: row.openingTitle,
		scheduledAt: row.scheduledAt,
		evidenceRule: row.evidenceRule,
		visibilityMode: row.visibilityMode,
		scorecard,
		round: {
			title: row.title,
			kind: row.kind,
			format: row.format,
			durationMinutes: row.durationMinutes,
			noteFields: noteFieldsFor(row.kind, row.format),
			competencies: competencies.map(({ anchor1, anchor2, anchor3, anchor4, ...c }) => ({
				...c,
				anchors: [anchor1, anchor2, anchor3, anchor4] as [string, string, string, string]
			})),
			questions: questions.map((q) => ({ ...q, probes: splitProbes(q.probes) }))
		},
		panel: panel.map((p) => ({
			interviewerName: p.name,
			roundTitle: p.title,
			submitted: p.status === 'submitted',
			mine: p.id === scorecardId
		})),
		feedbackVisible: access.visible
	};
}
