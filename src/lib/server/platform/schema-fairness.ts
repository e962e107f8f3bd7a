// The table of adverse impact monitoring (schema.ts, decision 025): kept apart from every
// other table so that only src/lib/server/fairness reads it.

export interface DemographicAnswerTable {
	candidateId: number;
	/** The category's name as configured when the candidate answered, e.g. `Gender`. */
	category: string;
	/** One of the category's options, or `Prefer not to say`. */
	answer: string;
	answeredAt: number;
}
