import { toWire } from '../../domain/scorecard';
import type { ScorecardView } from '../scorecards';

const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

/** A scorecard as the API shows it: string ids, ISO times, the document's fields at the top. */
export function scorecardJson(card: ScorecardView) {
	return {
		id: String(card.id),
		loopId: String(card.loopId),
		interviewerId: String(card.interviewerId),
		version: card.version,
		status: card.status,
		startedAt: iso(card.startedAt),
		submittedAt: iso(card.submittedAt),
		amendedAt: iso(card.amendedAt),
		late: card.late,
		...toWire(card.document)
	};
}
