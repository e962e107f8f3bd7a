import type { CompetencyKind, RatingLevel, RoundFormat } from './library';

// The scorecard an interviewer fills: its document, the note prompts that fit each round,
// and the rules a submission must meet. Shared by the server, the API and the kit page.

export const recommendationLevels = [1, 2, 3, 4] as const;
export type Recommendation = (typeof recommendationLevels)[number];

export const recommendationLabels: Record<Recommendation, string> = {
	1: 'Strong no',
	2: 'No',
	3: 'Yes',
	4: 'Strong yes'
};

export const noteFieldLabels = {
	notes: 'Notes',
	context: 'Context',
	action: 'Action',
	result: 'Result',
	approach: 'Approach',
	complexity: 'Complexity',
	quality: 'Code quality',
	testing: 'Testing',
	tradeoffs: 'Trade-offs',
	requirements: 'Requirements',
	architecture: 'Architecture',
	data: 'Data model',
	scaling: 'Scaling and reliability',
	reasoning: 'Reasoning',
	edgeCases: 'Edge cases',
	depth: 'Depth',
	practice: 'Hands-on experience',
	problems: 'Problems found',
	fixes: 'Fixes proposed',
	structure: 'Structure and clarity',
	questions: 'Handling questions'
} as const;
export type NoteField = keyof typeof noteFieldLabels;
export const noteFieldKeys = Object.keys(noteFieldLabels) as [NoteField, ...NoteField[]];

export const noteFieldHints: Partial<Record<NoteField, string>> = {
	context: 'The situation, and the candidate’s part in it',
	action: 'What they did themselves, and why',
	result: 'What changed; numbers where they gave them',
	approach: 'How they understood the problem and planned',
	complexity: 'Time and space, and whether they knew it',
	quality: 'Naming, structure, readability',
	testing: 'Cases they checked, bugs they caught',
	tradeoffs: 'Alternatives weighed and why they chose',
	requirements: 'What they asked and assumed',
	architecture: 'Components and how they talk',
	data: 'Entities, storage, consistency',
	scaling: 'Load, failure, recovery'
};

/**
 * Every note field a question of this round takes: its one notes box, and the format's
 * prompts (kept as fields so notes written under them before stay where they were).
 */
export function acceptedNoteFields(kind: CompetencyKind, format: RoundFormat): NoteField[] {
	return ['notes', ...noteFieldsFor(kind, format)];
}

/** The prompts a question offers: Context / Action / Result in leadership rounds, format prompts in technical ones. */
export function noteFieldsFor(kind: CompetencyKind, format: RoundFormat): NoteField[] {
	if (kind === 'leadership') {
		return format === 'presentation' ? ['structure', 'questions', 'result'] : ['context', 'action', 'result'];
	}
	switch (format) {
		case 'coding':
			return ['approach', 'complexity', 'quality', 'testing', 'tradeoffs'];
		case 'system_design':
			return ['requirements', 'architecture', 'data', 'scaling', 'tradeoffs'];
		case 'problem_solving':
			return ['approach', 'reasoning', 'complexity', 'edgeCases'];
		case 'code_review':
			return ['problems', 'reasoning', 'fixes', 'testing'];
		case 'technical_knowledge':
			return ['depth', 'practice', 'tradeoffs'];
		default:
			return ['approach', 'reasoning', 'tradeoffs'];
	}
}

export interface RatingEntry {
	competencyId: number;
	rating: RatingLevel | null;
	/** Non-null marks the competency as not assessed (an empty reason is a draft's unfinished one). */
	notAssessedReason: string | null;
	evidence: string;
}

export interface NoteEntry {
	questionId: number;
	field: NoteField;
	text: string;
}

export interface ScorecardDocument {
	recommendation: Recommendation | null;
	summary: string;
	freeNotes: string;
	ratings: RatingEntry[];
	notes: NoteEntry[];
}

export const emptyDocument: ScorecardDocument = {
	recommendation: null,
	summary: '',
	freeNotes: '',
	ratings: [],
	notes: []
};

export const limits = { summary: 10_000, freeNotes: 50_000, evidence: 10_000, reason: 2_000, note: 20_000 };

/** A document as the API and autosave send it: ids are strings, as everywhere in the API. */
export interface WireDocument {
	recommendation: Recommendation | null;
	summary: string;
	freeNotes: string;
	ratings: {
		competencyId: string;
		rating: RatingLevel | null;
		notAssessedReason: string | null;
		evidence: string;
	}[];
	notes: { questionId: string; field: NoteField; text: string }[];
}

export function fromWire(wire: WireDocument): ScorecardDocument {
	return {
		recommendation: wire.recommendation,
		summary: wire.summary,
		freeNotes: wire.freeNotes,
		ratings: wire.ratings.map((r) => ({ ...r, competencyId: Number(r.competencyId) })),
		notes: wire.notes.map((n) => ({ ...n, questionId: Number(n.questionId) }))
	};
}

export function toWire(doc: ScorecardDocument): WireDocument {
	return {
		recommendation: doc.recommendation,
		summary: doc.summary,
		freeNotes: doc.freeNotes,
		ratings: doc.ratings.map((r) => ({ ...r, competencyId: String(r.competencyId) })),
		notes: doc.notes.map((n) => ({ ...n, questionId: String(n.questionId) }))
	};
}

/** The round a scorecard belongs to, as far as validating its document needs. */
export interface ScorecardRound {
	kind: CompetencyKind;
	format: RoundFormat;
	evidenceRule: 'required' | 'recommended';
	competencies: { id: number; name: string }[];
	questions: { id: number }[];
}

export interface Issue {
	path: string;
	message: string;
}

/** Ratings and notes must belong to this round; anything else is a mistake, not data. */
export function referenceIssues(doc: ScorecardDocument, round: ScorecardRound): Issue[] {
	const issues: Issue[] = [];
	const competencies = new Set(round.competencies.map((c) => c.id));
	const questions = new Set(round.questions.map((q) => q.id));
	const fields = new Set(acceptedNoteFields(round.kind, round.format));
	const seen = new Set<number>();
	doc.ratings.forEach((r, i) => {
		if (!competencies.has(r.competencyId)) {
			issues.push({
				path: `ratings.${i}.competencyId`,
				message: 'This competency is not rated in this round'
			});
		} else if (seen.has(r.competencyId)) {
			issues.push({ path: `ratings.${i}.competencyId`, message: 'This competency is rated twice' });
		}
		seen.add(r.competencyId);
	});
	doc.notes.forEach((n, i) => {
		if (!questions.has(n.questionId))
			issues.push({ path: `notes.${i}.questionId`, message: 'This question is not in this round' });
		else if (!fields.has(n.field))
			issues.push({ path: `notes.${i}.field`, message: `This round takes no ${n.field} notes` });
	});
	return issues;
}

/**
 * What stops a submission: every focus competency rated or not assessed with a reason,
 * evidence for every rating (unless the loop only recommends it), and a recommendation.
 * Paths name the form fields (`rating.12`, `reason.12`, `evidence.12`, `recommendation`).
 */
export function submissionIssues(doc: ScorecardDocument, round: ScorecardRound): Issue[] {
	const issues: Issue[] = [];
	for (const competency of round.competencies) {
		const entry = doc.ratings.find((r) => r.competencyId === competency.id);
		if (!entry || (entry.rating === null && entry.notAssessedReason === null)) {
			issues.push({
				path: `rating.${competency.id}`,
				message: `Rate ${competency.name}, or mark it not assessed`
			});
		} else if (entry.rating === null && !entry.notAssessedReason?.trim()) {
			issues.push({
				path: `reason.${competency.id}`,
				message: `Say why ${competency.name} was not assessed`
			});
		} else if (entry.rating !== null && round.evidenceRule === 'required' && !entry.evidence.trim()) {
			issues.push({
				path: `evidence.${competency.id}`,
				message: `Add the evidence behind your ${competency.name} rating`
			});
		}
	}
	if (doc.recommendation === null)
		issues.push({ path: 'recommendation', message: 'Choose an overall recommendation' });
	return issues;
}
