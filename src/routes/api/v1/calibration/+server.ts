import { serve } from '#lib/server/web/api/endpoint.ts';
import { calibrationEndpoint } from '#lib/server/web/api/v1/calibration.ts';

export const GET = serve(calibrationEndpoint);
