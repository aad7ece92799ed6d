import { z } from 'zod';
import { endOutcomes } from '@baton/flow';
import { simulationStopCodes } from './flow-simulation.schema';
import { graphProblemSchema } from './graph-problem.schema';

export const BACKTEST_DEFAULT_LIMIT = 200;
export const BACKTEST_MAX_LIMIT = 10_000;
/** Differing leads listed one by one; all of them are counted and grouped. */
export const BACKTEST_LISTED_DIFFERENCES = 100;

/** How many of the flow's most recent real leads to replay through the draft and the published version. */
export const flowBacktestRequestSchema = z
  .object({
    limit: z
      .number('limit must be a whole number from 1 to 10000')
      .int('limit must be a whole number from 1 to 10000')
      .min(1, 'limit must be at least 1')
      .max(BACKTEST_MAX_LIMIT, `limit must be at most ${BACKTEST_MAX_LIMIT}`)
      .default(BACKTEST_DEFAULT_LIMIT),
  })
  .strict()
  .meta({ id: 'FlowBacktestRequest' });
export type FlowBacktestRequest = z.input<typeof flowBacktestRequestSchema>;

const refSchema = z.object({ id: z.string(), name: z.string().nullable() });

/** Where a walk finished: an End node, or the node it stopped at. */
const endFields = {
  /** The End reached, or the node the walk stopped at; null when it stopped before any node. */
  nodeId: z.string().nullable(),
  label: z.string().nullable(),
  kind: z.enum(['ended', 'stopped']),
  /** The End's outcome; null when the walk stopped short of an End. */
  outcome: z.enum(endOutcomes).nullable(),
};

export const flowBacktestRouteSchema = z
  .object({
    ...endFields,
    /** Why the walk stopped (a broken draft); null when it reached an End. */
    stopCode: z.enum(simulationStopCodes).nullable(),
    owner: refSchema.nullable(),
    /** The team of the last assign step the lead went through. */
    team: refSchema.nullable(),
    /** Node ids in the order walked. */
    path: z.array(z.string()),
  })
  .meta({ id: 'FlowBacktestRoute' });
export type FlowBacktestRoute = z.infer<typeof flowBacktestRouteSchema>;

export const flowBacktestGroupSideSchema = z
  .object({
    ...endFields,
    /** The team the lead was routed through, else its owner, else null. */
    assignee: z
      .object({ kind: z.enum(['team', 'person']), id: z.string(), name: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'FlowBacktestGroupSide' });

export const flowBacktestSchema = z
  .object({
    flowId: z.uuid(),
    /** The published version the draft is compared with. */
    publishedVersion: z.number().int().positive(),
    /**
     * Which leads were replayed, newest first: `flow` = leads pinned to a version of this flow or
     * received from a source that feeds it; `all` = no lead has reached this flow yet, so the
     * install's most recent leads from any source.
     */
    leadsFrom: z.enum(['flow', 'all']),
    limit: z.number().int().positive(),
    /** Leads replayed (at most `limit`). */
    compared: z.number().int().nonnegative(),
    same: z.number().int().nonnegative(),
    differing: z.number().int().nonnegative(),
    /** Differing leads by (published end, team or owner) → (draft end, team or owner), largest first. */
    groups: z.array(
      z.object({
        published: flowBacktestGroupSideSchema,
        draft: flowBacktestGroupSideSchema,
        count: z.number().int().positive(),
      }),
    ),
    /** The first differing leads (newest first), at most `listLimit`; `differing` counts them all. */
    differences: z.array(
      z.object({
        leadId: z.uuid(),
        leadName: z.string(),
        receivedAt: z.iso.datetime(),
        /** What differs: the end (node or outcome), the owner, the path walked. */
        changed: z.array(z.enum(['end', 'owner', 'path'])),
        published: flowBacktestRouteSchema,
        draft: flowBacktestRouteSchema,
      }),
    ),
    listLimit: z.number().int().positive(),
    /** The draft's problems; a broken draft is walked as far as it goes. */
    draftProblems: z.array(graphProblemSchema),
  })
  .meta({ id: 'FlowBacktest' });
export type FlowBacktest = z.infer<typeof flowBacktestSchema>;
