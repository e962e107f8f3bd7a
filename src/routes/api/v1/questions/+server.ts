import { serve } from '$lib/server/api/endpoint';
import { createQuestionEndpoint, listQuestionsEndpoint } from '$lib/server/api/v1';

export const GET = serve(listQuestionsEndpoint);
export const POST = serve(createQuestionEndpoint);
