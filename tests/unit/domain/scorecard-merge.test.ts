import { describe, expect, it } from 'vitest';
import type { ScorecardDocument } from '../../../src/lib/domain/scorecard';
import {
	canKeepBoth,
	mergeScorecards,
	resolveMerge,
	sameScorecard
} from '../../../src/lib/domain/scorecard-merge';

// Competency 11 is Coding, 12 Problem solving; question 31 has Approach and Testing notes.
const base: ScorecardDocument = {
	recommendation: 3,
	summary: 'Solid coder.',
	freeNotes: '',
	ratings: [
		{ competencyId: 11, rating: 3, notAssessedReason: null, evidence: 'Working solution.' },
		{ competencyId: 12, rating: null, notAssessedReason: 'No time left', evidence: '' }
	],
	notes: [{ questionId: 31, field: 'approach', text: 'Sliding window.' }]
};

/** A copy of the base with some parts changed. */
function edit(change: (doc: ScorecardDocument) => void): ScorecardDocument {
	const doc = structuredClone(base);
	change(doc);
	return doc;
}

describe('three-way merge of a scorecard', () => {
	it('takes each field changed on one side only from that side, asking nothing', () => {
		const mine = edit((doc) => {
			doc.summary = 'Solid coder; tests first.';
			doc.ratings[0]!.evidence = 'Working solution with tests.';
			doc.notes.push({ questionId: 31, field: 'testing', text: 'Wrote edge cases first.' });
		});
		const theirs = edit((doc) => {
			doc.recommendation = 4;
			doc.ratings[0]!.rating = 4;
			doc.ratings[1]!.notAssessedReason = 'Ran out of time before the second problem';
			doc.notes[0]!.text = 'Sliding window, then a heap.';
			doc.freeNotes = 'Asked good questions about the team.';
		});
		const { merged, conflicts } = mergeScorecards(base, mine, theirs);
		expect(conflicts).toEqual([]);
		expect(merged).toMatchObject({
			recommendation: '4',
			summary: 'Solid coder; tests first.',
			freeNotes: 'Asked good questions about the team.',
			'rating.11': '4',
			'evidence.11': 'Working solution with tests.',
			'rating.12': 'na',
			'reason.12': 'Ran out of time before the second problem',
			'note.31.approach': 'Sliding window, then a heap.',
			'note.31.testing': 'Wrote edge cases first.'
		});
	});

	it('takes a change both sides made alike without asking', () => {
		const same = edit((doc) => {
			doc.summary = 'Hire.';
			doc.ratings[0]!.rating = 2;
		});
		const { merged, conflicts } = mergeScorecards(base, same, structuredClone(same));
		expect(conflicts).toEqual([]);
		expect(merged).toMatchObject({ summary: 'Hire.', 'rating.11': '2' });
	});

	it('keeps a deletion made on one side: a cleared note or a rating taken back', () => {
		const mine = edit((doc) => {
			doc.notes = [];
			doc.ratings[0]!.rating = null;
		});
		const { merged, conflicts } = mergeScorecards(base, mine, base);
		expect(conflicts).toEqual([]);
		expect(merged['note.31.approach']).toBe('');
		expect(merged['rating.11']).toBe('');
		expect(merged['evidence.11']).toBe('Working solution.');
	});

	it('asks about every field both sides changed differently, each with both values and the base', () => {
		const mine = edit((doc) => {
			doc.recommendation = 4;
			doc.summary = 'Hire: strong on testing.';
			doc.ratings[0]!.rating = 4;
			doc.ratings[0]!.evidence = 'Tests before code.';
			doc.ratings[1]!.notAssessedReason = 'Skipped it';
			doc.notes[0]!.text = 'Two pointers.';
		});
		const theirs = edit((doc) => {
			doc.recommendation = 2;
			doc.summary = 'No hire: slow.';
			doc.ratings[0]!.rating = 2;
			doc.ratings[0]!.evidence = 'Needed hints.';
			doc.ratings[1]!.notAssessedReason = 'Interview ran late';
			doc.notes[0]!.text = 'Brute force first.';
		});
		const { merged, conflicts } = mergeScorecards(base, mine, theirs);
		expect(conflicts.map((c) => c.key).sort()).toEqual([
			'evidence.11',
			'note.31.approach',
			'rating.11',
			'reason.12',
			'recommendation',
			'summary'
		]);
		expect(conflicts.find((c) => c.key === 'summary')).toEqual({
			key: 'summary',
			base: 'Solid coder.',
			mine: 'Hire: strong on testing.',
			theirs: 'No hire: slow.'
		});
		expect(conflicts.find((c) => c.key === 'rating.11')).toMatchObject({ base: '3', mine: '4', theirs: '2' });
		// Until the person chooses, the merge holds this side's values: nothing of theirs is applied silently.
		expect(merged.summary).toBe('Hire: strong on testing.');
	});

	it('treats a field added on both sides with different text as a conflict, not as one side’s', () => {
		const mine = edit((doc) => (doc.freeNotes = 'Mine.'));
		const theirs = edit((doc) => (doc.freeNotes = 'Theirs.'));
		expect(mergeScorecards(base, mine, theirs).conflicts).toEqual([
			{ key: 'freeNotes', base: '', mine: 'Mine.', theirs: 'Theirs.' }
		]);
	});
});

describe('resolving the conflicts', () => {
	const mine = edit((doc) => {
		doc.summary = 'Mine.';
		doc.ratings[0]!.rating = 4;
		doc.freeNotes = 'Only mine changed this.';
	});
	const theirs = edit((doc) => {
		doc.summary = 'Theirs.';
		doc.ratings[0]!.rating = 2;
		doc.ratings[0]!.evidence = 'Only theirs changed this.';
	});
	const merge = mergeScorecards(base, mine, theirs);

	it('chooses nothing by default: without a choice for every conflict there is no result', () => {
		expect(resolveMerge(merge, {})).toBeNull();
		expect(resolveMerge(merge, { summary: 'mine' })).toBeNull();
	});

	it('applies each choice and keeps the fields that merged by themselves', () => {
		expect(resolveMerge(merge, { summary: 'theirs', 'rating.11': 'mine' })).toMatchObject({
			summary: 'Theirs.',
			'rating.11': '4',
			freeNotes: 'Only mine changed this.',
			'evidence.11': 'Only theirs changed this.'
		});
	});

	it('keeps both texts, this side’s first, and refuses “both” for a rating', () => {
		expect(resolveMerge(merge, { summary: 'both', 'rating.11': 'theirs' })?.summary).toBe('Mine.\n\nTheirs.');
		expect(resolveMerge(merge, { summary: 'both', 'rating.11': 'both' })).toBeNull();
		expect(canKeepBoth('rating.11')).toBe(false);
		expect(canKeepBoth('recommendation')).toBe(false);
		expect(canKeepBoth('note.31.approach')).toBe(true);
		expect(canKeepBoth('reason.12')).toBe(true);
	});
});

describe('comparing two copies', () => {
	it('sees the same scorecard whatever order its ratings and notes are in', () => {
		const reordered = edit((doc) => {
			doc.ratings.reverse();
			doc.notes.unshift({ questionId: 31, field: 'testing', text: 'Edge cases.' });
		});
		const sorted = edit((doc) => doc.notes.push({ questionId: 31, field: 'testing', text: 'Edge cases.' }));
		expect(sameScorecard(reordered, sorted)).toBe(true);
		expect(sameScorecard(base, sorted)).toBe(false);
	});
});
