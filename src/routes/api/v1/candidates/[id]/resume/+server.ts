import { serve } from '#lib/server/web/api/endpoint.ts';
import { getResumePdf, putResumeEndpoint, removeResumeEndpoint } from '#lib/server/web/api/v1/resumes.ts';

export const GET = getResumePdf;
export const PUT = serve(putResumeEndpoint);
export const DELETE = serve(removeResumeEndpoint);
