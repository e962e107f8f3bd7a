import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, type APIRequestContext } from '@playwright/test';
import { createApiToken } from '../../../src/lib/server/auth/api-tokens';
import type { Seed, SeededUser } from './fixtures';

// Every API call in the tests goes through ApiClient, which checks the answer against the
// live OpenAPI document: the status must be documented for the operation and the body
// must match its schema. So the document is tested against real responses all the time.

type Json = Record<string, unknown>;

export class ApiContract {
	readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
	readonly #compiled = new Map<string, ReturnType<Ajv2020['compile']>>();

	constructor(readonly document: Json) {
		addFormats.default(this.#ajv);
		this.#ajv.addSchema(document, 'openapi.json');
	}

	static async load(request: APIRequestContext): Promise<ApiContract> {
		const response = await request.get('/api/v1/openapi.json');
		expect(response.status()).toBe(200);
		return new ApiContract(await response.json());
	}

	/** Throws unless `status` is documented for the operation and `body` fits its schema. */
	check(method: string, template: string, status: number, body: unknown): void {
		const operation = ((this.document.paths as Json)[template] as Json | undefined)?.[
			method.toLowerCase()
		] as Json | undefined;
		if (!operation) throw new Error(`${method} ${template} is not in the API document`);
		let response = (operation.responses as Json)[String(status)] as Json | undefined;
		if (!response)
			throw new Error(`${method} ${template} answered ${status}, which the document does not list`);
		if (typeof response.$ref === 'string') {
			const name = response.$ref.split('/').pop()!;
			response = ((this.document.components as Json).responses as Json)[name] as Json;
		}
		const schema = ((response.content as Json)['application/json'] as Json).schema as Json;
		const key = `${method} ${template} ${status}`;
		let validate = this.#compiled.get(key);
		if (!validate) {
			const resolved = JSON.parse(
				JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')
			) as Json;
			validate = this.#ajv.compile(resolved);
			this.#compiled.set(key, validate);
		}
		if (!validate(body)) {
			throw new Error(
				`${key}: the body does not match the document: ${this.#ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 1000)}`
			);
		}
	}
}

export interface ApiAnswer<T = Json> {
	status: number;
	body: T;
	headers: Record<string, string>;
}

export interface CallOptions {
	params?: Record<string, string | number>;
	query?: Record<string, string>;
	body?: unknown;
	/** A body that is not JSON, sent as it is. */
	raw?: { contentType: string; data: string | Buffer };
	headers?: Record<string, string>;
}

/** A script using the API with one token (or none). */
export class ApiClient {
	constructor(
		readonly request: APIRequestContext,
		readonly contract: ApiContract,
		readonly token: string | null
	) {}

	async call<T = Json>(method: string, template: string, options: CallOptions = {}): Promise<ApiAnswer<T>> {
		const path = template.replace(/\{(\w+)\}/g, (_, name: string) => String(options.params?.[name]));
		const response = await this.request.fetch(`/api/v1${path}`, {
			method,
			params: options.query,
			headers: {
				...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
				...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
				...(options.raw ? { 'content-type': options.raw.contentType } : {}),
				...options.headers
			},
			data: options.raw
				? Buffer.from(options.raw.data)
				: options.body === undefined
					? undefined
					: Buffer.from(JSON.stringify(options.body))
		});
		const body = (await response.json()) as T;
		this.contract.check(method, template, response.status(), body);
		return { status: response.status(), body, headers: response.headers() };
	}

	get<T = Json>(template: string, options?: CallOptions) {
		return this.call<T>('GET', template, options);
	}
	post<T = Json>(template: string, body: unknown, options?: CallOptions) {
		return this.call<T>('POST', template, { ...options, body });
	}
	put<T = Json>(template: string, body: unknown, options?: CallOptions) {
		return this.call<T>('PUT', template, { ...options, body });
	}
	patch<T = Json>(template: string, body: unknown, options?: CallOptions) {
		return this.call<T>('PATCH', template, { ...options, body });
	}
}

/** A fresh API token for the user, made the way the settings page makes one. */
export async function tokenFor(seed: Seed, user: SeededUser): Promise<string> {
	return (await createApiToken(seed.db, user.id, 'e2e script')).token;
}

export async function clientFor(
	request: APIRequestContext,
	contract: ApiContract,
	seed: Seed,
	user: SeededUser
): Promise<ApiClient> {
	return new ApiClient(request, contract, await tokenFor(seed, user));
}
