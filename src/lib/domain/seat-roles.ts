// The role of a seat on a panel (decision 030). An interviewer's scorecard counts; a shadow
// (a trainee who watches) and a reverse shadow (a trainee who leads while a qualified
// interviewer on the same round co-scores) write practice scorecards that never count in any
// figure, export or count of the loop.

export const practiceRoles = ['shadow', 'reverse_shadow'] as const;
export type PracticeRole = (typeof practiceRoles)[number];
export const seatRoles = ['interviewer', ...practiceRoles] as const;
export type SeatRole = (typeof seatRoles)[number];

export const seatRoleLabels: Record<SeatRole, string> = {
	interviewer: 'Interviewer',
	shadow: 'Shadow (practice)',
	reverse_shadow: 'Reverse shadow (practice)'
};

/** Whether a seat's scorecard counts in the loop's results: only an interviewer's does. */
export function countsInResults(role: SeatRole): boolean {
	return role === 'interviewer';
}
