// The vocabulary of competencies, questions and rounds, shared by server and browser.

export const competencyKinds = ['technical', 'leadership'] as const;
export type CompetencyKind = (typeof competencyKinds)[number];

export const kindLabels: Record<CompetencyKind, string> = {
	technical: 'Technical',
	leadership: 'Leadership'
};

/** The four anchored rating levels, 1 to 4 (docs/design.md, Scales). */
export const ratingLevels = [1, 2, 3, 4] as const;
export type RatingLevel = (typeof ratingLevels)[number];

export const ratingLabels: Record<RatingLevel, string> = {
	1: 'Significant gaps',
	2: 'Below the bar',
	3: 'Meets the bar',
	4: 'Exceeds the bar'
};

export const roundFormats = [
	'coding',
	'system_design',
	'problem_solving',
	'technical_knowledge',
	'code_review',
	'behavioural',
	'situational',
	'presentation'
] as const;
export type RoundFormat = (typeof roundFormats)[number];

export const formatLabels: Record<RoundFormat, string> = {
	coding: 'Coding',
	system_design: 'System design',
	problem_solving: 'Problem solving',
	technical_knowledge: 'Technical knowledge',
	code_review: 'Code reading and debugging',
	behavioural: 'Behavioural',
	situational: 'Situational / case',
	presentation: 'Presentation'
};

/** The kind a format usually belongs to; the builder preselects it, but any pairing is allowed. */
export const usualKindOfFormat: Record<RoundFormat, CompetencyKind> = {
	coding: 'technical',
	system_design: 'technical',
	problem_solving: 'technical',
	technical_knowledge: 'technical',
	code_review: 'technical',
	behavioural: 'leadership',
	situational: 'leadership',
	presentation: 'leadership'
};

export const visibilityModes = ['after_own', 'after_all'] as const;
export type VisibilityMode = (typeof visibilityModes)[number];

export const visibilityLabels: Record<VisibilityMode, string> = {
	after_own: 'Each panelist sees the others’ feedback once their own is submitted',
	after_all: 'Strict: feedback stays hidden until the whole panel has submitted'
};

export const evidenceRules = ['required', 'recommended'] as const;
export type EvidenceRule = (typeof evidenceRules)[number];
