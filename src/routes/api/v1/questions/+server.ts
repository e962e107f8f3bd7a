import { serve } from '#lib/server/web/api/endpoint.ts';
import { createQuestionEndpoint, listQuestionsEndpoint } from '#lib/server/web/api/v1/questions.ts';

export const GET = serve(listQuestionsEndpoint);
export const POST = serve(createQuestionEndpoint);
