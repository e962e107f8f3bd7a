import { describe, expect, it } from 'vitest';
import { parseScimFilter, readScimPatch, ScimError, scimPageSchema } from '../../../src/lib/domain/scim';

describe('SCIM filters', () => {
	it('reads userName and externalId eq, in any case, with escaped quotes', () => {
		expect(parseScimFilter('userName eq "ada@example.com"')).toEqual({
			attribute: 'userName',
			value: 'ada@example.com'
		});
		expect(parseScimFilter('USERNAME EQ "a\\"b"')).toEqual({ attribute: 'userName', value: 'a"b' });
		expect(parseScimFilter('externalId eq "00u1"')).toEqual({ attribute: 'externalId', value: '00u1' });
	});

	it('refuses anything else as invalidFilter', () => {
		for (const filter of ['userName co "ada"', 'title eq "x"', 'userName eq ada', '']) {
			expect(() => parseScimFilter(filter)).toThrow(
				expect.objectContaining({ status: 400, scimType: 'invalidFilter' })
			);
		}
	});

	it('reads paging leniently, as RFC 7644 asks', () => {
		expect(scimPageSchema.parse({})).toEqual({ startIndex: 1, count: 100 });
		expect(scimPageSchema.parse({ startIndex: '0', count: '-3' })).toEqual({ startIndex: 1, count: 0 });
		expect(scimPageSchema.parse({ startIndex: '11', count: '5000' })).toEqual({ startIndex: 11, count: 200 });
	});
});

describe('SCIM PATCH', () => {
	it('reads Okta’s shape: replace with a value object and no path', () => {
		expect(
			readScimPatch({
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [{ op: 'replace', value: { active: false } }]
			})
		).toEqual({ active: false });
		expect(
			readScimPatch({
				Operations: [
					{
						op: 'replace',
						value: {
							name: { givenName: 'Ada', familyName: 'Lovelace' },
							emails: [{ value: 'ada@x.io', primary: true }]
						}
					}
				]
			})
		).toEqual({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@x.io' });
	});

	it('reads Entra ID’s shape: capitalised ops, paths, and booleans as strings', () => {
		expect(
			readScimPatch({
				Operations: [
					{ op: 'Replace', path: 'active', value: 'False' },
					{ op: 'Add', path: 'emails[type eq "work"].value', value: 'ada@x.io' },
					{ op: 'Replace', path: 'name.givenName', value: 'Ada' },
					{
						op: 'Add',
						path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
						value: 'R&D'
					}
				]
			})
		).toEqual({ active: false, email: 'ada@x.io', givenName: 'Ada' });
		expect(readScimPatch({ Operations: [{ op: 'Replace', path: 'active', value: 'True' }] })).toEqual({
			active: true
		});
	});

	it('refuses what it cannot read, as invalidSyntax or invalidValue', () => {
		expect(() => readScimPatch({ Operations: [] })).toThrow(ScimError);
		expect(() => readScimPatch({ Operations: [{ op: 'move', path: 'active' }] })).toThrow(
			expect.objectContaining({ scimType: 'invalidSyntax' })
		);
		expect(() => readScimPatch({ Operations: [{ op: 'replace', path: 'active', value: 'maybe' }] })).toThrow(
			expect.objectContaining({ status: 400, scimType: 'invalidValue' })
		);
		expect(() => readScimPatch({ Operations: [{ op: 'replace', value: 'x' }] })).toThrow(
			expect.objectContaining({ scimType: 'invalidValue' })
		);
		for (const value of ['Ada', null, 3]) {
			expect(() => readScimPatch({ Operations: [{ op: 'replace', path: 'name', value }] })).toThrow(
				expect.objectContaining({ status: 400, scimType: 'invalidValue' })
			);
		}
	});
});
