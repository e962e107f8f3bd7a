import { describe, expect, it } from 'vitest';
import { count } from '../../../src/lib/domain/plural';

describe('count', () => {
	it('says one thing in the singular and any other number in the plural', () => {
		expect(count(1, 'round')).toBe('1 round');
		expect(count(0, 'opening')).toBe('0 openings');
		expect(count(3, 'template round')).toBe('3 template rounds');
		expect(count(2, 'person', 'people')).toBe('2 people');
	});
});
