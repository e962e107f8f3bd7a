// The tables of SCIM provisioning (accounts/scim-*.ts), as Kysely sees them (schema.ts).

/** An identity provider's key to /scim/v2; acts for no user. */
export interface ScimTokenTable {
	id: string;
	secretHash: Uint8Array;
	name: string;
	/** The admin who made it; null when made with the CLI. */
	createdBy: number | null;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
}

/** What SCIM says about a user beyond the user table: the provider's id and the name's parts. */
export interface ScimUserTable {
	userId: number;
	externalId: string | null;
	givenName: string | null;
	familyName: string | null;
}
