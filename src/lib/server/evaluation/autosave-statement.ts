import { sql } from 'kysely';
import type { ScorecardStatus } from '../platform/schema-evaluation';
import { hotStatement, queries } from '../platform/hot-statements';

const status = (value: ScorecardStatus) => sql.lit(value);

/**
 * The autosave's one statement (saveScorecard), run every few seconds per interview in
 * progress: the version check, the content and the move from "not started" to "draft".
 */
export const autosaveUpdate = hotStatement(
	(args: { scorecardId: number; baseVersion: number; content: string; now: number }) =>
		queries
			.updateTable('scorecard')
			.set((eb) => ({
				content: args.content,
				version: eb('version', '+', eb.lit(1)),
				status: eb
					.case()
					.when('status', '=', status('not_started'))
					.then(status('draft'))
					.else(eb.ref('status'))
					.end(),
				startedAt: eb.fn.coalesce('startedAt', eb.val(args.now)),
				updatedAt: args.now
			}))
			.where('id', '=', args.scorecardId)
			.where('version', '=', args.baseVersion)
			.where('status', '!=', status('submitted'))
			.returning('version')
);
