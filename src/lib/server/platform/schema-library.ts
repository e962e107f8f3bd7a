import type { Generated } from 'kysely';
import type { CompetencyKind, EvidenceRule, RoundFormat, VisibilityMode } from '../../domain/library';

// The tables of the competency library, question bank and loop templates (schema.ts).

export interface CompetencyTable {
	id: Generated<number>;
	name: string;
	kind: CompetencyKind;
	currentRevisionId: number | null;
	archivedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface CompetencyRevisionTable {
	id: Generated<number>;
	competencyId: number;
	revision: number;
	name: string;
	description: string;
	anchor1: string;
	anchor2: string;
	anchor3: string;
	anchor4: string;
	createdBy: number | null;
	createdAt: number;
}

export interface QuestionTable {
	id: Generated<number>;
	/** The current text is kept here too, for lists and search; every version is a revision. */
	currentRevisionId: number | null;
	prompt: string;
	/** One probe per line. */
	probes: string;
	goodLooksLike: string;
	redFlags: string;
	archivedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface QuestionRevisionTable {
	id: Generated<number>;
	questionId: number;
	revision: number;
	prompt: string;
	probes: string;
	goodLooksLike: string;
	redFlags: string;
	createdAt: number;
}

export interface QuestionCompetencyTable {
	questionId: number;
	competencyId: number;
}

export interface LoopTemplateTable {
	id: Generated<number>;
	name: string;
	description: string;
	visibilityMode: VisibilityMode;
	evidenceRule: EvidenceRule;
	archivedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface TemplateRoundTable {
	id: Generated<number>;
	templateId: number;
	position: number;
	title: string;
	kind: CompetencyKind;
	format: RoundFormat;
	durationMinutes: number;
}

export interface TemplateRoundCompetencyTable {
	roundId: number;
	competencyId: number;
	position: number;
}

export interface TemplateRoundQuestionTable {
	roundId: number;
	questionId: number;
	position: number;
}
