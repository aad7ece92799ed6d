import { z } from 'zod';

// Every 4xx/5xx body has this shape, so the web app and integrators parse one thing.
export const apiErrorSchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Graph problems of a flow that cannot be published, each pinned to its node or edge. */
    problems: z.array(z.record(z.string(), z.unknown())).optional(),
    /** A flow's test-case run, when publish is refused because a case fails (FlowTestRun). */
    testRun: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof apiErrorSchema>;
