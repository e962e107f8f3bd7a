import { othersMeans, ratingUnits, type LoopRating } from '../../domain/loop-figures';
import type { DB } from '../platform/db';
import { dbId as n, epochMs as ms } from './convert';
import type { ExportLoop } from './format-loops';
import { insertRows } from '../platform/insert-rows';
import { completionOf, counts } from './import-loops';

// What the file leaves out on purpose and the import rebuilds for a batch of loops just
// written: ratings as rows, leniency references and rating units (decision 005). They are
// worked out from the batch in memory with the functions daily upkeep uses, and written in a
// few statements per batch: one per loop and rating, as upkeep does it, took most of an
// import's time (decision 026).

type RatingRow = LoopRating & { revisionId: number; submittedAt: number };

/** A submitted card's rating rows, one per focus competency of its round, as submitting writes them. */
function ratingsOf(loop: ExportLoop): RatingRow[] {
	const rounds = new Map(loop.rounds.map((r) => [r.id, r]));
	const rows: RatingRow[] = [];
	for (const card of loop.panel) {
		// A practice card has no rating rows, as submitting one writes none.
		if (!counts(card) || card.status !== 'submitted' || card.submittedAt === null) continue;
		const round = rounds.get(card.roundId)!;
		for (const c of round.competencies)
			rows.push({
				scorecardId: n(card.id),
				interviewerId: n(card.interviewerId),
				competencyId: n(c.competencyId),
				revisionId: n(c.revisionId),
				rating: card.document.ratings.find((r) => r.competencyId === c.competencyId)?.rating ?? null,
				submittedAt: ms(card.submittedAt),
				interviewedAt: ms(card.scheduledAt),
				openingId: n(loop.openingId),
				roundKind: round.kind
			});
	}
	// Upkeep reads them back ordered so: a unit's round kind is its first rating's.
	return rows.sort((a, b) => a.scorecardId - b.scorecardId || a.competencyId - b.competencyId);
}

/** Writes the derived rows of loops already inserted by writeLoops. */
export async function writeLoopFigures(db: DB, loops: ExportLoop[]): Promise<void> {
	const ratingRows = [];
	const unitRows = [];
	for (const loop of loops) {
		const ratings = ratingsOf(loop);
		const { complete } = completionOf(loop);
		const means = complete ? othersMeans(ratings) : [];
		for (const [i, row] of ratings.entries())
			ratingRows.push({
				...row,
				loopId: n(loop.id),
				complete: complete ? 1 : 0,
				othersMean: means[i] ?? null
			});
		if (complete) for (const unit of ratingUnits(ratings)) unitRows.push({ loopId: n(loop.id), ...unit });
	}
	await insertRows(db, 'scorecardRating', ratingRows);
	await insertRows(db, 'ratingUnit', unitRows);
}
