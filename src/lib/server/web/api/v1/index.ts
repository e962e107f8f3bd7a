import { z } from 'zod';
import { endpoint, type Endpoint } from '../endpoint';
import { openApiDocument } from '../openapi';
import { calibrationEndpoint } from './calibration';
import {
	createCandidateEndpoint,
	createOpeningEndpoint,
	getCandidateEndpoint,
	getOpeningEndpoint,
	importCandidatesEndpoint,
	listCandidatesEndpoint,
	listOpeningsEndpoint,
	openingComparisonEndpoint
} from './hiring';
import {
	createCompetencyEndpoint,
	createQuestionEndpoint,
	createTemplateEndpoint,
	getCompetencyEndpoint,
	getTemplateEndpoint,
	listCompetenciesEndpoint,
	listQuestionsEndpoint,
	listTemplatesEndpoint,
	updateCompetencyEndpoint
} from './library';
import {
	createLoopEndpoint,
	getLoopEndpoint,
	loopResultsEndpoint,
	recordDecisionEndpoint,
	removePanelistEndpoint
} from './loops';
import { createUserEndpoint, listUsersEndpoint } from './users';
import { getScorecardEndpoint, saveScorecardEndpoint, submitScorecardEndpoint } from './scorecards';

export {
	calibrationEndpoint,
	createCandidateEndpoint,
	createOpeningEndpoint,
	getCandidateEndpoint,
	getOpeningEndpoint,
	importCandidatesEndpoint,
	listCandidatesEndpoint,
	listOpeningsEndpoint,
	openingComparisonEndpoint,
	createCompetencyEndpoint,
	createQuestionEndpoint,
	createTemplateEndpoint,
	getCompetencyEndpoint,
	getTemplateEndpoint,
	listCompetenciesEndpoint,
	listQuestionsEndpoint,
	listTemplatesEndpoint,
	updateCompetencyEndpoint,
	createLoopEndpoint,
	getLoopEndpoint,
	removePanelistEndpoint,
	loopResultsEndpoint,
	recordDecisionEndpoint,
	createUserEndpoint,
	listUsersEndpoint,
	getScorecardEndpoint,
	saveScorecardEndpoint,
	submitScorecardEndpoint
};

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
	listOpeningsEndpoint,
	createOpeningEndpoint,
	getOpeningEndpoint,
	openingComparisonEndpoint,
	importCandidatesEndpoint,
	listCandidatesEndpoint,
	createCandidateEndpoint,
	getCandidateEndpoint,
	createLoopEndpoint,
	getLoopEndpoint,
	removePanelistEndpoint,
	loopResultsEndpoint,
	recordDecisionEndpoint,
	getScorecardEndpoint,
	saveScorecardEndpoint,
	submitScorecardEndpoint,
	calibrationEndpoint
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
