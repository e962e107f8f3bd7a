import { z } from 'zod';
import { endpoint, type Endpoint } from '../endpoint';
import { openApiDocument } from '../openapi';
import { calibrationEndpoint } from './calibration';
import {
	anonymiseCandidateEndpoint,
	createCandidateEndpoint,
	getCandidateEndpoint,
	importCandidatesEndpoint,
	listCandidatesEndpoint
} from './candidates';
import {
	createOpeningEndpoint,
	getOpeningEndpoint,
	listOpeningsEndpoint,
	openingComparisonEndpoint
} from './openings';
import {
	createCompetencyEndpoint,
	getCompetencyEndpoint,
	listCompetenciesEndpoint,
	updateCompetencyEndpoint
} from './competencies';
import { createQuestionEndpoint, listQuestionsEndpoint } from './questions';
import { createTemplateEndpoint, getTemplateEndpoint, listTemplatesEndpoint } from './templates';
import { createLoopEndpoint, getLoopEndpoint, removePanelistEndpoint } from './loops';
import { loopResultsEndpoint } from './results';
import { recordDecisionEndpoint } from './decisions';
import { createUserEndpoint, listUsersEndpoint } from './users';
import { userTrainingEndpoint } from './training';
import { putResumeEndpoint, removeResumeEndpoint } from './resumes';
import { candidateExportEndpoint } from './subject-access';
import {
	createWebhookEndpoint,
	deleteWebhookEndpoint,
	listWebhookDeliveriesEndpoint,
	listWebhooksEndpoint
} from './webhooks';
import { getScorecardEndpoint, saveScorecardEndpoint, submitScorecardEndpoint } from './scorecards';

/** Every endpoint of API v1, in the order the document lists them. */
export const endpoints: Endpoint[] = [
	listCompetenciesEndpoint,
	createCompetencyEndpoint,
	getCompetencyEndpoint,
	updateCompetencyEndpoint,
	listQuestionsEndpoint,
	createQuestionEndpoint,
	listTemplatesEndpoint,
	createTemplateEndpoint,
	getTemplateEndpoint,
	listUsersEndpoint,
	createUserEndpoint,
	userTrainingEndpoint,
	listOpeningsEndpoint,
	createOpeningEndpoint,
	getOpeningEndpoint,
	openingComparisonEndpoint,
	importCandidatesEndpoint,
	listCandidatesEndpoint,
	createCandidateEndpoint,
	getCandidateEndpoint,
	anonymiseCandidateEndpoint,
	candidateExportEndpoint,
	putResumeEndpoint,
	removeResumeEndpoint,
	createLoopEndpoint,
	getLoopEndpoint,
	removePanelistEndpoint,
	loopResultsEndpoint,
	recordDecisionEndpoint,
	getScorecardEndpoint,
	saveScorecardEndpoint,
	submitScorecardEndpoint,
	calibrationEndpoint,
	listWebhooksEndpoint,
	createWebhookEndpoint,
	deleteWebhookEndpoint,
	listWebhookDeliveriesEndpoint
] as Endpoint[];

let document: Record<string, unknown> | undefined;

export const openApiEndpoint = endpoint({
	method: 'GET',
	path: '/openapi.json',
	operationId: 'getOpenApiDocument',
	summary: 'This document',
	description: 'Open without signing in.',
	tag: 'Meta',
	public: true,
	response: {
		status: 200,
		description: 'The OpenAPI 3.1 document of this API',
		schema: z.looseObject({ openapi: z.literal('3.1.0') })
	},
	errors: [],
	handle: async () => {
		document ??= openApiDocument(endpoints);
		return { body: document as { openapi: '3.1.0' } };
	}
});

endpoints.push(openApiEndpoint as Endpoint);
