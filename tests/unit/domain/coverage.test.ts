import { describe, expect, it } from 'vitest';
import { templateCoverage, type CoverageRound } from '../../../src/lib/domain/coverage';

const coding = { id: 1, name: 'Coding', kind: 'technical' as const };
const design = { id: 2, name: 'System design', kind: 'technical' as const };
const delivery = { id: 3, name: 'Project delivery', kind: 'leadership' as const };

function round(
	title: string,
	kind: CoverageRound['kind'],
	competencies: CoverageRound['competencies'],
	questionCount = 0
) {
	return { title, kind, durationMinutes: 45, competencies, questionCount };
}

describe('template coverage warnings', () => {
	it('groups gaps of the same kind into one warning that names each case', () => {
		const { warnings } = templateCoverage([
			round('Coding', 'technical', [coding]),
			round('Design', 'technical', [design]),
			round('Delivery', 'leadership', [delivery], 2)
		]);
		expect(warnings).toEqual([
			'2 rounds have no questions: “Coding”, “Design”.',
			'3 competencies are rated in only one round, so no second opinion backs them: ' +
				'Coding (“Coding”), Project delivery (“Delivery”), System design (“Design”).'
		]);
	});

	it('keeps the single case in its own words', () => {
		const { warnings } = templateCoverage([
			round('Coding', 'technical', [coding, design], 3),
			round('Pairing', 'technical', [coding])
		]);
		expect(warnings).toEqual([
			'“Pairing” has no questions.',
			'System design is rated in only one round (“Coding”), so no second opinion backs it.',
			'The loop has no leadership round.'
		]);
	});
});
