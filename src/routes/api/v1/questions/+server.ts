import { serve } from '#lib/server/api/endpoint.ts';
import { createQuestionEndpoint, listQuestionsEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(listQuestionsEndpoint);
export const POST = serve(createQuestionEndpoint);
