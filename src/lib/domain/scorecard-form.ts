import { ratingLevels, type RatingLevel } from './library';
import {
	noteFieldLabels,
	acceptedNoteFields,
	recommendationLabels,
	type NoteEntry,
	type RatingEntry,
	type Recommendation,
	type ScorecardDocument,
	type ScorecardRound
} from './scorecard';

/**
 * A scorecard as flat form fields, the shape the kit page edits and posts:
 *   recommendation   '' | '1'…'4'
 *   summary, freeNotes
 *   rating.<competencyId>    '' | '1'…'4' | 'na' (not assessed)
 *   reason.<competencyId>    why not assessed
 *   evidence.<competencyId>
 *   note.<questionId>.<field>
 * The same keys name the inputs without JavaScript, the local copy, and the merge view.
 */
export type FlatScorecard = Record<string, string>;

/**
 * The id of the element an error summary's link for a scorecard error goes to: a rating's
 * group, a not-assessed reason's or evidence's box, or the field named `field-<key>`.
 */
export function scorecardFieldId(key: string): string {
	const [kind, id] = key.split('.');
	if (kind === 'rating') return `competency-${id}`;
	if ((kind === 'reason' || kind === 'evidence') && id) return `${key}-input`;
	return `field-${key}`;
}

export function flatten(doc: ScorecardDocument): FlatScorecard {
	const flat: FlatScorecard = {
		recommendation: doc.recommendation === null ? '' : String(doc.recommendation),
		summary: doc.summary,
		freeNotes: doc.freeNotes
	};
	for (const r of doc.ratings) {
		flat[`rating.${r.competencyId}`] =
			r.rating !== null ? String(r.rating) : r.notAssessedReason !== null ? 'na' : '';
		flat[`reason.${r.competencyId}`] = r.notAssessedReason ?? '';
		flat[`evidence.${r.competencyId}`] = r.evidence;
	}
	for (const n of doc.notes) flat[`note.${n.questionId}.${n.field}`] = n.text;
	return flat;
}

function asLevel<T extends number>(value: string | undefined, levels: readonly T[]): T | null {
	const n = Number(value);
	return (levels as readonly number[]).includes(n) ? (n as T) : null;
}

/** The document the flat fields describe, for this round; keys of other rounds are ignored. */
export function unflatten(
	flat: FlatScorecard,
	round: Pick<ScorecardRound, 'kind' | 'format' | 'competencies' | 'questions'>
): ScorecardDocument {
	const ratings: RatingEntry[] = [];
	for (const { id } of round.competencies) {
		const choice = flat[`rating.${id}`] ?? '';
		const evidence = flat[`evidence.${id}`] ?? '';
		const reason = flat[`reason.${id}`] ?? '';
		if (!choice && !evidence) continue;
		ratings.push({
			competencyId: id,
			rating: asLevel<RatingLevel>(choice, ratingLevels),
			notAssessedReason: choice === 'na' ? reason : null,
			evidence
		});
	}
	const notes: NoteEntry[] = [];
	const fields = acceptedNoteFields(round.kind, round.format);
	for (const { id } of round.questions) {
		for (const field of fields) {
			const text = flat[`note.${id}.${field}`] ?? '';
			if (text) notes.push({ questionId: id, field, text });
		}
	}
	return {
		recommendation: asLevel<Recommendation>(flat.recommendation, [1, 2, 3, 4]),
		summary: flat.summary ?? '',
		freeNotes: flat.freeNotes ?? '',
		ratings,
		notes
	};
}

/** Every scorecard field of the round read from a posted form. */
export function flatFromForm(formData: FormData, round: Parameters<typeof unflatten>[1]): FlatScorecard {
	const read = (key: string) => {
		const value = formData.get(key);
		return typeof value === 'string' ? value : '';
	};
	const flat: FlatScorecard = {
		recommendation: read('recommendation'),
		summary: read('summary'),
		freeNotes: read('freeNotes')
	};
	for (const { id } of round.competencies) {
		for (const key of [`rating.${id}`, `reason.${id}`, `evidence.${id}`]) flat[key] = read(key);
	}
	for (const { id } of round.questions) {
		for (const field of acceptedNoteFields(round.kind, round.format))
			flat[`note.${id}.${field}`] = read(`note.${id}.${field}`);
	}
	return flat;
}

export interface Difference {
	key: string;
	label: string;
	/** Raw field values, to apply a choice. */
	mine: string;
	theirs: string;
	/** The values as a person reads them ("Not assessed", "Strong yes"). */
	mineShown: string;
	theirsShown: string;
}

/** Fields whose saved value differs from this copy, labelled for a person choosing between them. */
export function differences(
	mine: ScorecardDocument,
	theirs: ScorecardDocument,
	round: { competencies: { id: number; name: string }[]; questions: { id: number; prompt: string }[] }
): Difference[] {
	const a = flatten(mine);
	const b = flatten(theirs);
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
	return keys
		.filter((key) => (a[key] ?? '') !== (b[key] ?? ''))
		.map((key) => ({
			key,
			label: labelOf(key, round),
			mine: a[key] ?? '',
			theirs: b[key] ?? '',
			mineShown: display(key, a[key] ?? ''),
			theirsShown: display(key, b[key] ?? '')
		}));
}

function labelOf(key: string, round: Parameters<typeof differences>[2]): string {
	const [kind, id, field] = key.split('.');
	const competency = round.competencies.find((c) => String(c.id) === id)?.name ?? 'Competency';
	switch (kind) {
		case 'recommendation':
			return 'Overall recommendation';
		case 'summary':
			return 'Summary';
		case 'freeNotes':
			return 'Free notes';
		case 'rating':
			return `${competency}: rating`;
		case 'reason':
			return `${competency}: why not assessed`;
		case 'evidence':
			return `${competency}: evidence`;
		default: {
			const prompt = round.questions.find((q) => String(q.id) === id)?.prompt ?? 'Question';
			const short = prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt;
			return `${short}: ${noteFieldLabels[field as keyof typeof noteFieldLabels] ?? field}`;
		}
	}
}

function display(key: string, value: string): string {
	if (key === 'recommendation')
		return value ? recommendationLabels[Number(value) as Recommendation] : '(none)';
	if (key.startsWith('rating.')) return value === 'na' ? 'Not assessed' : value || '(none)';
	return value;
}
