import { z } from 'zod';
import { endOutcomes } from '@baton/flow';
import { apiErrorSchema } from '../errors/api-error.schema';
import { flowVersionNumberSchema } from './flow.schema';
import { flowSimulationRequestSchema, simulationStopCodes } from './flow-simulation.schema';

// A flow's saved test cases: an example lead (the simulate request, reused as is) with what must
// happen to it. The test panel runs them all; publish runs them against the draft and refuses
// while any fails, so a flow carries its own regression tests.

const nodeIdSchema = z.string().trim().min(1, 'node id must not be empty').max(200);
const nodeIdListSchema = z
  .array(nodeIdSchema)
  .min(1, 'list at least one node id')
  .max(200, 'at most 200 node ids');

export const flowTestCaseNameSchema = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(200, 'name is at most 200 characters');

/** Where a case sits in the list (0 first); putting one at a position moves the rest down. */
const positionSchema = z
  .number()
  .int('position must be a whole number')
  .min(0, 'position starts at 0')
  .max(100_000, 'position is at most 100000');

/** The checks a case makes; each one given must hold. At least one is required. */
export const flowTestCaseExpectedSchema = z
  .object({
    /** The End node the walk must finish at. */
    endNodeId: nodeIdSchema.optional(),
    /** The End node's outcome (contacted, unhandled, ...). */
    outcome: z.enum(endOutcomes).optional(),
    /** Every node the walk visits, in order, exactly. */
    path: nodeIdListSchema.optional(),
    /** Nodes that must be on the path, in any order (others may be too). */
    passes: nodeIdListSchema.optional(),
    /**
     * The team of the assign step that chose the owner (an escalation's reassignment counts as
     * its assign step's); when nobody owns the lead, the team of the last assign step reached.
     */
    teamId: z.uuid('teamId must be a team id (uuid)').optional(),
    /** Who owns the lead at the end of the walk; null = nobody. */
    ownerId: z.uuid('ownerId must be a person id (uuid)').nullable().optional(),
  })
  .strict()
  .refine((e) => Object.values(e).some((v) => v !== undefined), {
    message: 'expect at least one of endNodeId, outcome, path, passes, teamId, ownerId',
  })
  .meta({ id: 'FlowTestCaseExpected' });
export type FlowTestCaseExpected = z.infer<typeof flowTestCaseExpectedSchema>;

/** The fields a check can fail on, in the order they are checked. */
export const flowTestCaseFields = [
  'endNodeId',
  'outcome',
  'path',
  'passes',
  'teamId',
  'ownerId',
] as const;
export type FlowTestCaseField = (typeof flowTestCaseFields)[number];

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

/** A new case; it goes to the end of the list unless a position is given. */
export const createFlowTestCaseSchema = z
  .object({
    name: flowTestCaseNameSchema,
    position: positionSchema.optional(),
    /** The lead as the simulate endpoint takes it (lead, qualification, at, breached). */
    input: flowSimulationRequestSchema,
    expected: flowTestCaseExpectedSchema,
  })
  .strict()
  .meta({ id: 'CreateFlowTestCase' });
export type CreateFlowTestCase = z.infer<typeof createFlowTestCaseSchema>;

/** Changes any of a case's fields; `input` and `expected` are replaced whole. */
export const updateFlowTestCaseSchema = z
  .object({
    name: flowTestCaseNameSchema.optional(),
    position: positionSchema.optional(),
    input: flowSimulationRequestSchema.optional(),
    expected: flowTestCaseExpectedSchema.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'send a name, a position, an input or an expected',
  })
  .meta({ id: 'UpdateFlowTestCase' });
export type UpdateFlowTestCase = z.infer<typeof updateFlowTestCaseSchema>;

/** What to run the cases against: the draft (default) or a published version. */
export const flowTestTargetSchema = z
  .union([z.literal('draft'), z.object({ version: flowVersionNumberSchema }).strict()])
  .meta({ id: 'FlowTestTarget' });
export type FlowTestTarget = z.infer<typeof flowTestTargetSchema>;

export const runFlowTestCasesSchema = z
  .object({ target: flowTestTargetSchema.optional() })
  .strict()
  .meta({ id: 'RunFlowTestCases' });
export type RunFlowTestCases = z.infer<typeof runFlowTestCasesSchema>;

// ── Responses ─────────────────────────────────────────────────────────────────────────────────

export const flowTestCaseSchema = z
  .object({
    id: z.uuid(),
    flowId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    input: flowSimulationRequestSchema,
    expected: flowTestCaseExpectedSchema,
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'FlowTestCase' });
export type FlowTestCaseView = z.infer<typeof flowTestCaseSchema>;

export const flowTestCaseListSchema = z
  .object({ items: z.array(flowTestCaseSchema) })
  .meta({ id: 'FlowTestCaseList' });
export type FlowTestCaseList = z.infer<typeof flowTestCaseListSchema>;

/** What the walk did, in the terms the checks use. */
export const flowTestActualSchema = z
  .object({
    /** Node ids in the order visited. */
    path: z.array(z.string()),
    /** The End node reached; null when the walk stopped short of one. */
    endNodeId: z.string().nullable(),
    outcome: z.enum(endOutcomes).nullable(),
    /** Why the walk stopped short of an End; null when it ended. */
    stopped: z.object({ code: z.enum(simulationStopCodes), reason: z.string() }).nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    teamId: z.string().nullable(),
  })
  .meta({ id: 'FlowTestActual' });
export type FlowTestActual = z.infer<typeof flowTestActualSchema>;

export const flowTestFailureSchema = z
  .object({
    /** The check that failed; `input` or `expected` when the saved case itself no longer validates. */
    field: z.enum([...flowTestCaseFields, 'input', 'expected']),
    expected: z.unknown(),
    actual: z.unknown(),
    message: z.string(),
  })
  .meta({ id: 'FlowTestFailure' });
export type FlowTestFailure = z.infer<typeof flowTestFailureSchema>;

export const flowTestResultSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    passed: z.boolean(),
    failures: z.array(flowTestFailureSchema),
    actual: flowTestActualSchema,
  })
  .meta({ id: 'FlowTestResult' });
export type FlowTestResult = z.infer<typeof flowTestResultSchema>;

export const flowTestRunSchema = z
  .object({
    target: flowTestTargetSchema,
    total: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    results: z.array(flowTestResultSchema),
  })
  .meta({ id: 'FlowTestRun' });
export type FlowTestRun = z.infer<typeof flowTestRunSchema>;

/**
 * 422 from publish when a test case fails against the draft: the ApiError shape (one issue per
 * failed check, path `testCases.<case name>.<field>`) plus the whole run, as the panel shows it.
 */
export const flowTestCasesFailedErrorSchema = apiErrorSchema
  .extend({ testRun: flowTestRunSchema })
  .meta({ id: 'FlowTestCasesFailedError' });
export type FlowTestCasesFailedError = z.infer<typeof flowTestCasesFailedErrorSchema>;
