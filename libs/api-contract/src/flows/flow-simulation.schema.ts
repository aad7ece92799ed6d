import { z } from 'zod';
import { emailAddressSchema } from '../fields/email-address.schema';
import { endOutcomes } from '@baton/flow';
import { customFieldsSchema, leadSourceContextSchema } from '../leads/lead-intake.schema';
import { graphProblemSchema } from './graph-problem.schema';

const text = (max: number) => z.string().trim().max(max);

/** A made-up lead walked through the draft, with what the qualify step would have said. */
export const flowSimulationRequestSchema = z
  .object({
    lead: z
      .object({
        name: text(200).min(1, 'name must not be empty'),
        email: emailAddressSchema.optional(),
        phone: text(50).optional(),
        company: text(200).optional(),
        message: text(10_000).optional(),
        /** The same shape as intake's, so a simulated lead is one intake would accept. */
        customFields: customFieldsSchema.optional(),
        /** Source context, read by conditions as `context.*` (form, campaign, utm, ...). */
        context: leadSourceContextSchema.optional(),
      })
      .strict(),
    /**
     * What qualification would produce (score, intent, urgency, spam, ...): `qualification.*`.
     * Left out, the typed lead is scored by the heuristic qualifier with the flow's profile.
     */
    qualification: z.record(z.string(), z.unknown()).optional(),
    /** When the lead arrives; now by default. */
    at: z.iso.datetime({ offset: true }).optional(),
    /** Which waits run out: true = all of them, or these node ids. Default: contact is made. */
    breached: z.union([z.boolean(), z.array(z.string().min(1)).max(200)]).optional(),
  })
  .strict()
  .meta({ id: 'FlowSimulationRequest' });
export type FlowSimulationRequest = z.infer<typeof flowSimulationRequestSchema>;

const clauseTraceSchema = z.object({
  field: z.string(),
  op: z.string(),
  expected: z.unknown(),
  /** Left out when the lead has no such field (no qualification yet, an unknown custom field). */
  actual: z.unknown().optional(),
  result: z.boolean(),
  error: z.string().optional(),
});

const conditionBranchSchema = z.object({
  handle: z.string(),
  ruleId: z.string().optional(),
  explanation: z.string(),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      label: z.string(),
      matched: z.boolean(),
      clauses: z.array(clauseTraceSchema),
    }),
  ),
});

const assignmentSchema = z.object({
  userId: z.string().nullable(),
  strategy: z.string(),
  poolKey: z.string(),
  considered: z.array(
    z.object({
      userId: z.string(),
      name: z.string().optional(),
      eligible: z.boolean(),
      reason: z.string(),
    }),
  ),
  explanation: z.string(),
  nextCursor: z.number().int().optional(),
});

export const flowSimulationStepSchema = z
  .object({
    nodeId: z.string(),
    type: z.string(),
    /** The exit taken; null at an End or where the walk stopped. */
    handle: z.string().nullable(),
    reason: z.string(),
    /** Simulated time when the lead reached this step. */
    at: z.iso.datetime(),
    condition: conditionBranchSchema.optional(),
    assignment: assignmentSchema.optional(),
    message: z
      .object({
        channel: z.string(),
        to: z.string(),
        subject: z.string().optional(),
        body: z.string(),
      })
      .optional(),
    deadline: z.iso.datetime().optional(),
    reminders: z.array(z.iso.datetime()).optional(),
  })
  .meta({ id: 'FlowSimulationStep' });
export type FlowSimulationStep = z.infer<typeof flowSimulationStepSchema>;

export const simulationStopCodes = [
  'malformed_graph',
  'no_trigger',
  'unknown_node_type',
  'node_failed',
  'unconnected_handle',
  'dangling_edge',
  'max_steps',
] as const;

export const flowSimulationOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ended'),
    outcome: z.enum(endOutcomes),
    nodeId: z.string(),
    at: z.iso.datetime(),
  }),
  z.object({
    kind: z.literal('stopped'),
    code: z.enum(simulationStopCodes),
    reason: z.string(),
    nodeId: z.string().optional(),
    at: z.iso.datetime(),
  }),
]);

export const flowSimulationSchema = z
  .object({
    path: z.array(flowSimulationStepSchema),
    outcome: flowSimulationOutcomeSchema,
    /** Who would own the lead at the end of the walk. */
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** The draft's problems; the walk still goes as far as it can. */
    problems: z.array(graphProblemSchema),
    /** What the qualify step read: as given in the request, or the heuristic's score of the lead. */
    qualification: z.object({
      source: z.enum(['given', 'heuristic']),
      values: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'FlowSimulation' });
export type FlowSimulation = z.infer<typeof flowSimulationSchema>;
