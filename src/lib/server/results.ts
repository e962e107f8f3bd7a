import type { DB } from './db';
import type { CompetencyKind } from '../domain/library';
import { isLate } from '../domain/loop-status';
import type { ScorecardDocument } from '../domain/scorecard';
import type { AuthUser } from './auth/session';
import { assertFeedbackVisible } from './feedback-access';
import { parseDocument } from './scorecards';

export interface PanelScorecard {
	scorecardId: number;
	interviewerId: number;
	interviewerName: string;
	roundId: number;
	roundTitle: string;
	status: 'not_started' | 'draft' | 'submitted';
	submittedAt: number | null;
	amendedAt: number | null;
	late: boolean;
	/** Only for submitted scorecards: nobody sees a colleague's draft. */
	document: ScorecardDocument | null;
}

export interface PanelFeedback {
	loopId: number;
	candidateName: string;
	openingTitle: string;
	rounds: {
		id: number;
		title: string;
		kind: CompetencyKind;
		competencies: { id: number; name: string; kind: CompetencyKind }[];
	}[];
	scorecards: PanelScorecard[];
}

/** The panel's submitted feedback on a loop, for those the independence rule lets see it. */
export async function getPanelFeedback(db: DB, actor: AuthUser, loopId: number): Promise<PanelFeedback> {
	await assertFeedbackVisible(db, actor, loopId);
	const [loop, rounds, competencies, scorecards] = await Promise.all([
		db
			.selectFrom('loop')
			.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
			.innerJoin('opening', 'opening.id', 'loop.openingId')
			.select(['candidate.name as candidateName', 'opening.title as openingTitle'])
			.where('loop.id', '=', loopId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('loopRound')
			.select(['id', 'title', 'kind'])
			.where('loopId', '=', loopId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('loopRound', 'loopRound.id', 'lrc.roundId')
			.innerJoin('competencyRevision as rev', 'rev.id', 'lrc.revisionId')
			.innerJoin('competency', 'competency.id', 'lrc.competencyId')
			.select(['lrc.roundId', 'lrc.competencyId as id', 'rev.name', 'competency.kind'])
			.where('loopRound.loopId', '=', loopId)
			.orderBy('loopRound.position')
			.orderBy('lrc.position')
			.execute(),
		db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
			.select([
				'scorecard.id',
				'scorecard.interviewerId',
				'user.name',
				'scorecard.roundId',
				'loopRound.title',
				'loopRound.durationMinutes',
				'scorecard.scheduledAt',
				'scorecard.status',
				'scorecard.submittedAt',
				'scorecard.amendedAt',
				'scorecard.content'
			])
			.where('scorecard.loopId', '=', loopId)
			.orderBy('loopRound.position')
			.orderBy('user.name')
			.execute()
	]);
	return {
		loopId,
		...loop,
		rounds: rounds.map((r) => ({
			...r,
			competencies: competencies
				.filter((c) => c.roundId === r.id)
				.map(({ id, name, kind }) => ({ id, name, kind }))
		})),
		scorecards: scorecards.map((s) => ({
			scorecardId: s.id,
			interviewerId: s.interviewerId,
			interviewerName: s.name,
			roundId: s.roundId,
			roundTitle: s.title,
			status: s.status,
			submittedAt: s.submittedAt,
			amendedAt: s.amendedAt,
			late: isLate(s),
			document: s.status === 'submitted' ? parseDocument(s.content) : null
		}))
	};
}
