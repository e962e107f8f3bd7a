import { z } from 'zod';
import type { Endpoint, ErrorStatus } from './endpoint';
import { errorBody } from './v1/conventions';

// The OpenAPI 3.1 document of API v1, built from the endpoints' own zod schemas: request
// schemas as zod reads input (an id is a string of digits), response schemas as the server
// writes output (no field left undocumented: additionalProperties is false).

type Json = Record<string, unknown>;

/** Statuses every operation may answer, besides those its spec lists. */
type CommonStatus = 401 | 415 | 429 | 500 | 503;

const errorDescriptions: Record<ErrorStatus | CommonStatus, string> = {
	400: 'The request is malformed: for a save, an If-Match that is not one version in double quotes',
	401: 'No session and no API token, or a token that is mistyped, revoked or belongs to a deactivated user',
	403: 'Your role does not allow this',
	404: 'There is no such thing, or you may not see it',
	409: 'It clashes with the current state: changed meanwhile, already done, or cancelled',
	413: 'The body is too large: 256 KB of JSON, or the size an endpoint names',
	415: 'The body is not of the media type the operation takes (JSON: `application/json`, parameters allowed)',
	422: 'The body or query is not valid; `issues` lists each problem with its path',
	428: 'The request must say which version it is based on (If-Match)',
	429: 'Too many requests with this token; wait for the seconds in Retry-After',
	500: 'Something went wrong on the server; `reference` finds the details in its log',
	503: 'The server cannot write now (its disk is full) or is not set up yet; nothing changed. Try again after the seconds in Retry-After, if given'
};

const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };

function schemaConverter() {
	const components: Record<string, unknown> = {};
	return {
		components,
		convert(schema: z.ZodType, io: 'input' | 'output'): Json {
			const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
			const { $schema: _ignored, $defs, ...rest } = json;
			const rewrite = (value: unknown) =>
				JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
			for (const [name, def] of Object.entries(($defs as Json | undefined) ?? {}))
				components[name] = rewrite(def);
			return rewrite(rest);
		}
	};
}

function parameters(spec: Endpoint, convert: (schema: z.ZodType, io: 'input') => Json): Json[] {
	const list: Json[] = [];
	for (const [where, schema] of [
		['path', spec.params],
		['query', spec.query]
	] as const) {
		if (!schema) continue;
		for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
			const json = convert(field, 'input');
			const { description, ...fieldSchema } = json;
			list.push({
				name,
				in: where,
				required: where === 'path' || !field.safeParse(undefined).success,
				...(description ? { description } : {}),
				schema: fieldSchema
			});
		}
	}
	for (const header of spec.headers ?? []) {
		list.push({
			name: header.name,
			in: 'header',
			required: header.required,
			description: header.description,
			schema: { type: 'string' }
		});
	}
	return list;
}

export function openApiDocument(endpoints: Endpoint[]): Json {
	const { components, convert } = schemaConverter();
	const paths: Record<string, Json> = {};
	for (const spec of endpoints) {
		const common: CommonStatus[] = [...(spec.public ? [] : ([401, 429] as const)), 500, 503];
		if (spec.method !== 'GET') common.push(415);
		const statuses: (ErrorStatus | CommonStatus)[] = [...common, ...spec.errors].sort();
		const operation: Json = {
			operationId: spec.operationId,
			summary: spec.summary,
			...(spec.description || spec.roles
				? {
						description: [spec.description, spec.roles ? `Roles: ${spec.roles.join(', ')}.` : '']
							.filter(Boolean)
							.join('\n\n')
					}
				: {}),
			tags: [spec.tag],
			...(spec.public ? { security: [] } : {}),
			parameters: parameters(spec, convert),
			...(spec.body
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: convert(spec.body, 'input') } }
						}
					}
				: {}),
			...(spec.textBody
				? {
						requestBody: {
							required: true,
							description: spec.textBody.description,
							content: { [spec.textBody.contentType]: { schema: { type: 'string' } } }
						}
					}
				: {}),
			responses: {
				[spec.response.status]: {
					description: spec.response.description,
					content: { 'application/json': { schema: convert(spec.response.schema, 'output') } }
				},
				...Object.fromEntries(
					statuses.map((status) => [status, { $ref: `#/components/responses/E${status}` }])
				)
			}
		};
		paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation };
	}
	const errorSchema = convert(errorBody, 'output');
	return {
		openapi: '3.1.0',
		info: {
			title: 'Panelist API',
			version: '1.0.0',
			description:
				'Read and write Panelist with the same rules as its pages. Send an API token (Settings → API tokens) as `Authorization: Bearer <token>`; it acts as its user, with that user’s permissions and the independence rule. JSON fields are camelCase, ids are strings, times are ISO 8601 in UTC.'
		},
		servers: [{ url: '/api/v1' }],
		security: [{ bearerToken: [] }, { sessionCookie: [] }],
		tags: ['Library', 'Users', 'Hiring', 'Loops', 'Scorecards', 'Calibration', 'Meta'].map((name) => ({
			name
		})),
		paths,
		components: {
			schemas: components,
			securitySchemes: {
				bearerToken: {
					type: 'http',
					scheme: 'bearer',
					description: 'An API token from Settings → API tokens, like pnl_…'
				},
				sessionCookie: { type: 'apiKey', in: 'cookie', name: 'panelist-session' }
			},
			responses: Object.fromEntries(
				Object.entries(errorDescriptions).map(([status, description]) => [
					`E${status}`,
					{
						description,
						...(status === '429' || status === '503' ? { headers: retryAfter } : {}),
						content: { 'application/json': { schema: errorSchema } }
					}
				])
			)
		}
	};
}
