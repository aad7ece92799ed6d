import { z } from 'zod';

const upDown = z.enum(['up', 'down']);

/** What GET /health/ready answers: 200 when the database and Temporal are up, else 503. */
export const readinessSchema = z
  .object({
    status: z.literal('ok'),
    checks: z.object({
      database: upDown,
      temporal: upDown,
      model: z
        .enum(['up', 'degraded', 'not_configured'])
        .describe(
          'The qualifier model (OLLAMA_HOST / OLLAMA_MODEL). Never makes the service unready: without it leads are scored by the heuristic. degraded = Ollama did not answer quickly, or the model is not pulled',
        ),
    }),
    details: z
      .object({ model: z.string().optional() })
      .optional()
      .describe('Why a check is not up, for people'),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof readinessSchema>;
