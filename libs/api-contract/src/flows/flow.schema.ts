import { z } from 'zod';
import { flowGraphSchema } from '@baton/flow';
import { personRefSchema } from '../leads/lead-view.schema';
import { graphProblemSchema } from './graph-problem.schema';

export const flowNameSchema = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(200, 'name is at most 200 characters');
export const flowDescriptionSchema = z
  .string()
  .trim()
  .max(2000, 'description is at most 2000 characters');

/** Versions are stored as a PostgreSQL `integer`; a larger number names no version. */
export const MAX_FLOW_VERSION = 2_147_483_647;
/** A published version's number (1, 2, ...) as sent in a path or query string. */
export const flowVersionNumberSchema = z.coerce
  .number()
  .int('version must be a whole number')
  .positive('version starts at 1')
  .max(MAX_FLOW_VERSION, `version is at most ${MAX_FLOW_VERSION}`);

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

/** New flow; without a graph it starts with just a trigger node. */
export const createFlowSchema = z
  .object({
    name: flowNameSchema,
    description: flowDescriptionSchema.default(''),
    graph: flowGraphSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateFlow' });
export type CreateFlow = z.infer<typeof createFlowSchema>;

/**
 * Saves the draft: any of name, description, graph. The graph must be well-formed (React Flow UI
 * state is stripped) but may still have problems: only publishing requires a valid graph.
 */
export const updateFlowSchema = z
  .object({
    name: flowNameSchema.optional(),
    description: flowDescriptionSchema.optional(),
    graph: flowGraphSchema.optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.description !== undefined || b.graph !== undefined, {
    message: 'send a name, a description or a graph',
  })
  .meta({ id: 'UpdateFlow' });
export type UpdateFlow = z.infer<typeof updateFlowSchema>;

/** Publishing the draft: a note on what changed and why, kept with the version's audit entry. */
export const publishFlowSchema = z
  .object({
    note: z.string().trim().max(1000, 'note is at most 1000 characters').optional(),
  })
  .strict()
  .meta({ id: 'PublishFlow' });
export type PublishFlow = z.infer<typeof publishFlowSchema>;

// ── Responses ─────────────────────────────────────────────────────────────────────────────────

export const flowVersionSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    publishedAt: z.iso.datetime(),
    publishedBy: personRefSchema.nullable(),
    /** What the publisher said changed, and why; null when they gave no note. */
    note: z.string().nullable(),
    /** The version new leads are pinned to. */
    current: z.boolean(),
  })
  .meta({ id: 'FlowVersionSummary' });
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;

/** A published version: immutable; leads pinned to it keep running on it. */
export const flowVersionSchema = flowVersionSummarySchema
  .extend({ flowId: z.uuid(), graph: flowGraphSchema })
  .meta({ id: 'FlowVersion' });
export type FlowVersionView = z.infer<typeof flowVersionSchema>;

export const flowVersionListSchema = z
  .object({ items: z.array(flowVersionSummarySchema) })
  .meta({ id: 'FlowVersionList' });
export type FlowVersionList = z.infer<typeof flowVersionListSchema>;

export const flowListItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    /** Number of the published version; null until the first publish. */
    publishedVersion: z.number().int().positive().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    /** The draft graph differs from the published one (always true before the first publish). */
    draftChanged: z.boolean(),
    /** Sources that send their leads to this flow. */
    sourceCount: z.number().int().nonnegative(),
    /** When it was archived; null for a flow in use. */
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    /** Last change to the draft (name, description or graph). */
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'FlowListItem' });
export type FlowListItem = z.infer<typeof flowListItemSchema>;

export const flowListSchema = z
  .object({ items: z.array(flowListItemSchema) })
  .meta({ id: 'FlowList' });
export type FlowList = z.infer<typeof flowListSchema>;

export const flowDetailSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    draftGraph: flowGraphSchema,
    draftChanged: z.boolean(),
    published: flowVersionSummarySchema.nullable(),
    versionCount: z.number().int().nonnegative(),
    sources: z.array(z.object({ id: z.uuid(), name: z.string(), slug: z.string() })),
    /** What would stop the draft from being published, checked against the ids in this install. */
    problems: z.array(graphProblemSchema),
    /** When it was archived; null for a flow in use. */
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'FlowDetail' });
export type FlowDetail = z.infer<typeof flowDetailSchema>;
