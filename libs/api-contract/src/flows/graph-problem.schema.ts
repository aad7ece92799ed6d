import { z } from 'zod';
import { graphProblemCodes } from '@baton/flow';
import { apiErrorSchema } from '../errors/api-error.schema';

/** One thing to fix before publishing (libs/flow's GraphProblem), as the API sends it. */
export const graphProblemSchema = z
  .object({
    code: z.enum(graphProblemCodes),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    /** Dotted config path, for the node's form (e.g. `rules.0.group.clauses.1.value`). */
    field: z.string().optional(),
    nodeIds: z.array(z.string()).optional(),
  })
  .meta({ id: 'GraphProblem' });
export type GraphProblemView = z.infer<typeof graphProblemSchema>;

/**
 * 422 from publish: the ApiError shape (each problem also in `issues`, path = nodeId/edgeId and
 * config field) plus the full problem list for the canvas.
 */
export const flowProblemsErrorSchema = apiErrorSchema
  .extend({ problems: z.array(graphProblemSchema) })
  .meta({ id: 'FlowProblemsError' });
export type FlowProblemsError = z.infer<typeof flowProblemsErrorSchema>;
