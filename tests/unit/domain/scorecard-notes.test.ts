import { describe, expect, it } from 'vitest';
import {
	emptyDocument,
	noteFieldsFor,
	referenceIssues,
	type ScorecardRound
} from '../../../src/lib/domain/scorecard';
import { flatten, unflatten } from '../../../src/lib/domain/scorecard-form';

const coding: ScorecardRound = {
	kind: 'technical',
	format: 'coding',
	evidenceRule: 'required',
	competencies: [],
	questions: [{ id: 7 }]
};

describe('notes on a question', () => {
	it('go in one notes box, and the format’s prompts are offered beside it', () => {
		const doc = unflatten({ 'note.7.notes': 'Approach:\nSliding window.' }, coding);
		expect(doc.notes).toEqual([{ questionId: 7, field: 'notes', text: 'Approach:\nSliding window.' }]);
		expect(referenceIssues(doc, coding)).toEqual([]);
		expect(noteFieldsFor('technical', 'coding')).toContain('approach');
	});

	it('written under a prompt’s own box before stay where they are', () => {
		const doc = {
			...emptyDocument,
			notes: [{ questionId: 7, field: 'approach' as const, text: 'Planned first.' }]
		};
		expect(referenceIssues(doc, coding)).toEqual([]);
		expect(unflatten(flatten(doc), coding).notes).toEqual(doc.notes);
	});

	it('under a field the round does not take are refused', () => {
		const doc = {
			...emptyDocument,
			notes: [{ questionId: 7, field: 'context' as const, text: 'Wrong round.' }]
		};
		expect(referenceIssues(doc, coding)).toEqual([
			{ path: 'notes.0.field', message: 'This round takes no context notes' }
		]);
	});
});
