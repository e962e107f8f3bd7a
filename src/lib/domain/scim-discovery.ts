import { scimSchemas } from './scim';

// What /scim/v2 tells a provider about itself (RFC 7643 §5–7): only what we really do.

const listSchema = scimSchemas.listResponse;

export function serviceProviderConfig(base: string) {
	return {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
		patch: { supported: true },
		bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
		filter: { supported: true, maxResults: 200 },
		changePassword: { supported: false },
		sort: { supported: false },
		etag: { supported: false },
		authenticationSchemes: [
			{
				type: 'oauthbearertoken',
				name: 'Bearer token',
				description:
					'A SCIM token an admin creates under Admin → Provisioning, sent as Authorization: Bearer',
				primary: true
			}
		],
		meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` }
	};
}

export function userResourceType(base: string) {
	return {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
		id: 'User',
		name: 'User',
		endpoint: '/Users',
		description: 'A person who signs in to Panelist',
		schema: scimSchemas.user,
		meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` }
	};
}

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
	name,
	type: 'string',
	multiValued: false,
	required: false,
	caseExact: false,
	mutability: 'readWrite',
	returned: 'default',
	uniqueness: 'none',
	...extra
});

export function userSchema(base: string) {
	return {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
		id: scimSchemas.user,
		name: 'User',
		description: 'A Panelist user; userName is the email address they sign in with',
		attributes: [
			attribute('userName', { required: true, uniqueness: 'server' }),
			attribute('externalId', { caseExact: true }),
			attribute('displayName'),
			attribute('name', {
				type: 'complex',
				subAttributes: [attribute('formatted'), attribute('givenName'), attribute('familyName')]
			}),
			attribute('emails', {
				type: 'complex',
				multiValued: true,
				mutability: 'readOnly',
				subAttributes: [attribute('value'), attribute('type'), attribute('primary', { type: 'boolean' })]
			}),
			attribute('active', { type: 'boolean' })
		],
		meta: { resourceType: 'Schema', location: `${base}/Schemas/${scimSchemas.user}` }
	};
}

export function toDiscoveryList<T>(resources: T[]) {
	return {
		schemas: [listSchema],
		totalResults: resources.length,
		startIndex: 1,
		itemsPerPage: resources.length,
		Resources: resources
	};
}
