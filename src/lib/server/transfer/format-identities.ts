import { z } from 'zod';
import { caps, id, text, time } from './format-fields';

// Who a person is at the company's identity provider, in the export file: the OpenID
// Connect identities they signed in with (decision 029) and what SCIM provisioning said about
// them (decision 028). Neither is a secret; with them a moved installation still knows a
// person whose email changed at the provider, and answers the provider's SCIM lookups by
// its own ids. Each list is written only when it has records.

const provided = (max: number) =>
	z.string().max(max, { error: `Use at most ${max} characters`, abort: true });

export const signInIdentitySchema = z.strictObject({
	userId: id,
	issuer: text.min(1, { error: 'This must not be empty' }),
	subject: text.min(1, { error: 'This must not be empty' }),
	createdAt: time,
	lastSignInAt: time
});

export const provisionedUserSchema = z.strictObject({
	userId: id,
	externalId: provided(caps.email).nullable(),
	givenName: provided(caps.name).nullable(),
	familyName: provided(caps.name).nullable()
});

export const identityListsChecked = {
	signInIdentities: z.array(signInIdentitySchema).optional(),
	provisionedUsers: z.array(provisionedUserSchema).optional()
};

export type ExportSignInIdentity = z.infer<typeof signInIdentitySchema>;
export type ExportProvisionedUser = z.infer<typeof provisionedUserSchema>;
