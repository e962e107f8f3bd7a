import type { ScorecardDocument } from '../../domain/scorecard';
import type { ExportDocument } from './format-loops';

// Values as the database stores them and as the file writes them: ids are numbers there and
// strings here, times epoch milliseconds there and ISO-8601 here.

export const fileId = (n: number) => String(n);
export const fileIdOrNull = (n: number | null) => (n === null ? null : String(n));
export const dbId = (id: string) => Number(id);
export const dbIdOrNull = (id: string | null) => (id === null ? null : Number(id));

export const isoTime = (epochMs: number) => new Date(epochMs).toISOString();
export const isoTimeOrNull = (epochMs: number | null) => (epochMs === null ? null : isoTime(epochMs));
export const epochMs = (iso: string) => Date.parse(iso);
export const epochMsOrNull = (iso: string | null) => (iso === null ? null : Date.parse(iso));

// Scorecard documents are built field by field in one order, so an export, an import and
// another export write the same bytes whatever order the stored JSON had.

export function storedDocument(doc: ExportDocument): ScorecardDocument {
	return {
		recommendation: doc.recommendation,
		summary: doc.summary,
		freeNotes: doc.freeNotes,
		ratings: doc.ratings.map((r) => ({
			competencyId: Number(r.competencyId),
			rating: r.rating,
			notAssessedReason: r.notAssessedReason,
			evidence: r.evidence
		})),
		notes: doc.notes.map((n) => ({ questionId: Number(n.questionId), field: n.field, text: n.text }))
	};
}

/** Fields an older stored copy lacks are written as the app reads them (see parseDocument). */
export function fileDocument(doc: ScorecardDocument): ExportDocument {
	return {
		recommendation: doc.recommendation ?? null,
		summary: doc.summary ?? '',
		freeNotes: doc.freeNotes ?? '',
		ratings: (doc.ratings ?? []).map((r) => ({
			competencyId: String(r.competencyId),
			rating: r.rating ?? null,
			notAssessedReason: r.notAssessedReason ?? null,
			evidence: r.evidence ?? ''
		})),
		notes: (doc.notes ?? []).map((n) => ({ questionId: String(n.questionId), field: n.field, text: n.text }))
	};
}
