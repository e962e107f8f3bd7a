import { z } from 'zod';

// SCIM 2.0 (RFC 7643/7644) as identity providers speak it to us: the User resource we
// answer, the one filter they send (`userName eq "…"`), and PATCH in both shapes Okta and
// Entra ID send. Pure, so the server module and its tests share it.

export const scimSchemas = {
	user: 'urn:ietf:params:scim:schemas:core:2.0:User',
	listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
	patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
	error: 'urn:ietf:params:scim:api:messages:2.0:Error'
} as const;

export type ScimErrorType = 'invalidFilter' | 'invalidValue' | 'invalidSyntax' | 'uniqueness' | 'noTarget';

/** A request SCIM refuses, with its status and scimType (RFC 7644 §3.12). */
export class ScimError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly scimType?: ScimErrorType
	) {
		super(message);
		this.name = 'ScimError';
	}
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimErrorType) {
	return { schemas: [scimSchemas.error], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** The attributes we filter on; providers look users up by these before creating them. */
export type ScimFilter = { attribute: 'userName' | 'externalId'; value: string };

/** `userName eq "ada@example.com"` (attribute names and `eq` in any case); anything else is invalidFilter. */
export function parseScimFilter(filter: string): ScimFilter {
	const match = /^\s*(userName|externalId)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
	if (!match) {
		throw new ScimError(
			400,
			'Only filters of the form userName eq "…" or externalId eq "…" are supported',
			'invalidFilter'
		);
	}
	const attribute = match[1]!.toLowerCase() === 'username' ? 'userName' : 'externalId';
	return { attribute, value: match[2]!.replace(/\\(.)/g, '$1') };
}

const pageNumber = (fallback: number, min: number, max: number) =>
	z
		.preprocess(
			(value) => (value === null || value === '' ? undefined : value),
			z.coerce.number().int().catch(fallback).default(fallback)
		)
		.transform((value) => Math.min(max, Math.max(min, value)));

/** startIndex is 1-based; a value below 1 is read as 1 and count is capped (RFC 7644 §3.4.2.4). */
export const scimPageSchema = z.object({
	startIndex: pageNumber(1, 1, Number.MAX_SAFE_INTEGER),
	count: pageNumber(100, 0, 200)
});

/** Entra ID sends booleans as "True"/"False" in PATCH values. */
const scimBoolean = z.union([
	z.boolean(),
	z
		.string()
		.regex(/^(true|false)$/i)
		.transform((value) => value.toLowerCase() === 'true')
]);

const email = z.object({
	value: z.string().trim().min(1).max(254),
	primary: scimBoolean.optional(),
	type: z.string().optional()
});

/** A User as POST and PUT send it: userName is required, the rest is what we keep. */
export const scimUserSchema = z.object({
	userName: z.string().trim().min(1).max(254),
	externalId: z.string().max(254).optional(),
	displayName: z.string().max(100).optional(),
	name: z
		.object({
			formatted: z.string().max(100).optional(),
			givenName: z.string().max(100).optional(),
			familyName: z.string().max(100).optional()
		})
		.optional(),
	emails: z.array(email).max(20).optional(),
	active: scimBoolean.optional()
});
export type ScimUserInput = z.output<typeof scimUserSchema>;

/** What a PATCH changes, once both providers' shapes are read. */
export interface ScimUserChanges {
	userName?: string;
	externalId?: string;
	displayName?: string;
	givenName?: string;
	familyName?: string;
	email?: string;
	active?: boolean;
}

const patchSchema = z.object({
	Operations: z
		.array(
			z.object({
				op: z
					.string()
					.transform((op) => op.toLowerCase())
					.pipe(z.enum(['add', 'replace', 'remove'])),
				path: z.string().optional(),
				value: z.unknown().optional()
			})
		)
		.min(1)
		.max(50)
});

function invalid(detail: string): never {
	throw new ScimError(400, detail, 'invalidValue');
}

function stringValue(value: unknown, path: string): string {
	if (typeof value !== 'string' || value.length > 254) invalid(`${path} must be a string`);
	return value;
}

/** One attribute set by path: `active`, `userName`, `name.givenName`, `emails[type eq "work"].value`… */
function applyPath(changes: ScimUserChanges, path: string, value: unknown): void {
	const key = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').toLowerCase();
	if (key === 'active') {
		const parsed = scimBoolean.safeParse(value);
		if (!parsed.success) invalid('active must be true or false');
		changes.active = parsed.data;
	} else if (key === 'username') changes.userName = stringValue(value, 'userName');
	else if (key === 'externalid') changes.externalId = stringValue(value, 'externalId');
	else if (key === 'displayname') changes.displayName = stringValue(value, 'displayName');
	else if (key === 'name.givenname') changes.givenName = stringValue(value, 'name.givenName');
	else if (key === 'name.familyname') changes.familyName = stringValue(value, 'name.familyName');
	else if (key === 'name') {
		// Checked here: applyObject hands a name that is no object back to this function.
		if (!value || typeof value !== 'object' || Array.isArray(value)) invalid('name must be an object');
		applyObject(changes, { name: value });
	} else if (/^emails(\[.*\])?(\.value)?$/.test(key)) {
		if (Array.isArray(value)) applyObject(changes, { emails: value });
		else changes.email = stringValue(value, 'emails');
	}
	// Attributes we do not keep (title, phoneNumbers, enterprise extension…) are accepted and ignored.
}

/** A value object without a path (Okta: `{"op":"replace","value":{"active":false}}`). */
function applyObject(changes: ScimUserChanges, value: unknown): void {
	if (!value || typeof value !== 'object' || Array.isArray(value))
		invalid('A PATCH without a path needs an object value');
	for (const [attribute, inner] of Object.entries(value)) {
		if (attribute === 'name' && inner && typeof inner === 'object') {
			for (const [part, text] of Object.entries(inner)) applyPath(changes, `name.${part}`, text);
		} else if (attribute === 'emails' && Array.isArray(inner)) {
			const parsed = z.array(email).safeParse(inner);
			if (!parsed.success) invalid('emails must be a list of { value }');
			const chosen = parsed.data.find((e) => e.primary === true) ?? parsed.data[0];
			if (chosen) changes.email = chosen.value;
		} else applyPath(changes, attribute, inner);
	}
}

/** Reads a PATCH request (RFC 7644 §3.5.2) into the changes it makes to a user. */
export function readScimPatch(body: unknown): ScimUserChanges {
	const parsed = patchSchema.safeParse(body);
	if (!parsed.success)
		throw new ScimError(400, 'A PATCH needs Operations: a list of add, replace or remove', 'invalidSyntax');
	const changes: ScimUserChanges = {};
	for (const operation of parsed.data.Operations) {
		if (operation.op === 'remove') {
			if (operation.path?.toLowerCase() === 'active') invalid('active cannot be removed; set it to false');
			continue;
		}
		if (operation.path) applyPath(changes, operation.path, operation.value);
		else applyObject(changes, operation.value);
	}
	return changes;
}
