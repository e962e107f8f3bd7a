// Why feedback is hidden from someone on a loop's panel (the independence rule, docs/design.md),
// in the words every page, CSV and API description uses.

export type HiddenReason = 'own_pending' | 'panel_pending' | 'loop_undecided';

/** One line saying why a value is not shown, for a table cell, a CSV note or an audit entry. */
export const hiddenReasonLines: Record<HiddenReason, string> = {
	own_pending: 'Hidden until your own scorecard for this loop is in',
	panel_pending: 'Hidden until the whole panel of this loop has submitted (strict mode)',
	loop_undecided: 'Hidden until this loop is decided (you sat on it to practise)'
};
