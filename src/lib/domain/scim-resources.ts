import { emailSchema, personNameSchema } from './account-schemas';
import { ScimError, scimSchemas, type ScimUserChanges, type ScimUserInput } from './scim';

// A Panelist user as SCIM sees it, and back. userName is the sign-in email; emails only echo
// it. A User carries account attributes only: nothing about anyone's interviews or feedback.

/** What SCIM may set on an account. */
export interface ScimAccount {
	email: string;
	name: string;
	externalId: string | null;
	givenName: string | null;
	familyName: string | null;
	active: boolean;
}

/** An account as stored, for the answer. */
export interface ScimAccountRecord extends ScimAccount {
	id: number;
	createdAt: number;
	updatedAt: number;
}

function invalid(detail: string): never {
	throw new ScimError(400, detail, 'invalidValue');
}

function checkedEmail(userName: string): string {
	const parsed = emailSchema.safeParse(userName);
	if (!parsed.success || !parsed.data.includes('@')) invalid('userName must be the person’s email address');
	return parsed.data;
}

function checkedName(name: string): string {
	const parsed = personNameSchema.safeParse(name);
	if (!parsed.success) invalid('The name must be 1 to 100 characters');
	return parsed.data;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The name shown in Panelist: displayName, else the formatted or the parts, else the email. */
function shownName(
	displayName: string | undefined,
	formatted: string | undefined,
	givenName: string | null,
	familyName: string | null,
	email: string
): string {
	const parts = [givenName, familyName].filter(Boolean).join(' ');
	return checkedName(blankToNull(displayName) ?? blankToNull(formatted) ?? (parts || email));
}

/** The account a POST or PUT describes. */
export function readScimAccount(input: ScimUserInput): ScimAccount {
	const email = checkedEmail(input.userName);
	const givenName = blankToNull(input.name?.givenName);
	const familyName = blankToNull(input.name?.familyName);
	return {
		email,
		name: shownName(input.displayName, input.name?.formatted, givenName, familyName, email),
		externalId: blankToNull(input.externalId),
		givenName,
		familyName,
		active: input.active ?? true
	};
}

/** The account after a PATCH's changes. */
export function applyScimChanges(current: ScimAccount, changes: ScimUserChanges): ScimAccount {
	const email = changes.userName === undefined ? current.email : checkedEmail(changes.userName);
	const givenName = changes.givenName === undefined ? current.givenName : blankToNull(changes.givenName);
	const familyName = changes.familyName === undefined ? current.familyName : blankToNull(changes.familyName);
	const nameParts = changes.givenName !== undefined || changes.familyName !== undefined;
	const name =
		changes.displayName !== undefined
			? checkedName(changes.displayName)
			: nameParts
				? shownName(undefined, undefined, givenName, familyName, email)
				: current.name;
	return {
		email,
		name,
		externalId: changes.externalId === undefined ? current.externalId : blankToNull(changes.externalId),
		givenName,
		familyName,
		active: changes.active ?? current.active
	};
}

/** The User resource (RFC 7643 §4.1) we answer; `base` is the /scim/v2 address. */
export function toScimUser(record: ScimAccountRecord, base: string) {
	return {
		schemas: [scimSchemas.user],
		id: String(record.id),
		...(record.externalId ? { externalId: record.externalId } : {}),
		userName: record.email,
		name: {
			formatted: record.name,
			...(record.givenName ? { givenName: record.givenName } : {}),
			...(record.familyName ? { familyName: record.familyName } : {})
		},
		displayName: record.name,
		emails: [{ value: record.email, type: 'work', primary: true }],
		active: record.active,
		meta: {
			resourceType: 'User',
			created: new Date(record.createdAt).toISOString(),
			lastModified: new Date(record.updatedAt).toISOString(),
			location: `${base}/Users/${record.id}`
		}
	};
}

/** A page of resources (RFC 7644 §3.4.2). */
export function toScimList<T>(resources: T[], totalResults: number, startIndex: number) {
	return {
		schemas: [scimSchemas.listResponse],
		totalResults,
		startIndex,
		itemsPerPage: resources.length,
		Resources: resources
	};
}
