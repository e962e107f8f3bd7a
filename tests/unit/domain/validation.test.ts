import { describe, expect, it } from 'vitest';
import { inviteSchema, setupSchema } from '../../../src/lib/domain/account-schemas';
import { idList } from '../../../src/lib/domain/library-schemas';
import { navigationFor } from '../../../src/lib/domain/navigation';
import { asWholeForm, formState } from '../../../src/lib/domain/form-state';
import { issuesToFieldErrors, validateForm } from '../../../src/lib/domain/validation';
import { z } from 'zod';

function formData(entries: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.set(k, v);
	return data;
}

describe('form validation', () => {
	it('says a missing value is required, and a wrong one what was expected', () => {
		const schema = z.object({
			size: z.coerce.number({ error: 'Give the number of scorecards' }),
			name: z.string(),
			count: z.number()
		});
		const result = schema.safeParse({ size: 'lots', count: 'three' });
		expect(issuesToFieldErrors(result.error!.issues)).toEqual({
			size: 'Give the number of scorecards',
			name: 'This field is required',
			count: 'Invalid input: expected number, received string'
		});
	});

	it('normalises valid input', () => {
		const result = validateForm(inviteSchema, formData({ email: '  Noor@Example.COM ', role: 'recruiter' }));
		expect(result).toMatchObject({ ok: true, data: { email: 'noor@example.com', role: 'recruiter' } });
	});

	it('gives one specific message per field and never echoes passwords', () => {
		const result = validateForm(
			setupSchema,
			formData({ name: ' ', email: 'nope', password: 'short', confirmPassword: 'other' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			name: 'Enter a name',
			email: 'Enter a valid email address, like name@example.com',
			password: 'Use at least 10 characters',
			confirmPassword: 'The two passwords do not match'
		});
		expect(result.values).toEqual({ name: ' ', email: 'nope' });
	});

	it('says when the confirmation differs, and when a field is missing', () => {
		const mismatch = validateForm(
			setupSchema,
			formData({ name: 'A', email: 'a@b.co', password: 'long-enough-1', confirmPassword: 'long-enough-2' })
		);
		expect(mismatch.ok || mismatch.errors).toEqual({ confirmPassword: 'The two passwords do not match' });
		const missing = validateForm(inviteSchema, formData({ email: 'a@b.co' }));
		expect(missing.ok || missing.errors.role).toMatch(/Choose a role/);
	});

	it('reads a select left at its “Choose …” option as nothing chosen', () => {
		const schema = z.object({ interviewerIds: idList('Choose an interviewer') });
		const result = validateForm(schema, formData({ interviewerIds: '' }));
		expect(result.ok || result.errors).toEqual({ interviewerIds: 'Choose an interviewer' });
	});

	it('reads the errors of the named form only', () => {
		const answer = { action: 'invite', values: { email: 'x' }, errors: { email: 'bad' } };
		expect(formState(answer, 'invite').errors).toEqual({ email: 'bad' });
		expect(formState(answer, 'invite').values.text('email')).toBe('x');
		expect(formState(answer, 'changeRole').errors).toEqual({});
		expect(formState(null).values.text('email')).toBe('');
	});

	it('turns the error of a form with only hidden fields into one about the whole form', () => {
		expect(asWholeForm({ tokenId: 'Choose a token from the list' })).toEqual({
			form: 'Choose a token from the list'
		});
		expect(asWholeForm({})).toEqual({});
	});
});

describe('navigation', () => {
	const labels = (role: 'admin' | 'recruiter' | 'interviewer', hiringManager = false) =>
		navigationFor({ role, hiringManager }).map((i) => i.label);

	it('shows each role only the places it may open', () => {
		expect(labels('admin')).toEqual([
			'Dashboard',
			'My interviews',
			'Training',
			'Openings',
			'Candidates',
			'Templates',
			'Library',
			'Interviewers',
			'Calibration',
			'Adverse impact',
			'Users',
			'Sign-in',
			'Audit trail',
			'Jobs',
			'Retention',
			'Webhooks',
			'Provisioning'
		]);
		expect(labels('recruiter')).toEqual([
			'Dashboard',
			'My interviews',
			'Training',
			'Openings',
			'Candidates',
			'Templates',
			'Library',
			'Interviewers',
			'Calibration',
			'Adverse impact'
		]);
		expect(labels('interviewer')).toEqual(['Dashboard', 'My interviews', 'Training', 'Calibration']);
	});

	it('adds openings and candidates for a hiring manager of any role', () => {
		expect(labels('interviewer', true)).toEqual([
			'Dashboard',
			'My interviews',
			'Training',
			'Openings',
			'Candidates',
			'Calibration'
		]);
	});
});
