import { z } from 'zod';

// A flow graph as the canvas saves it (React Flow nodes + edges). Unknown keys are stripped, so
// the parsed value is the canonical form to persist: React Flow's UI state (selected, measured,
// dragging, ...) never reaches the database, and node `data` holds the config only.

export const flowPositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const flowNodeSchema = z.object({
  id: z.string().min(1, 'a node needs an id'),
  type: z.string().min(1, 'a node needs a type'),
  position: flowPositionSchema,
  data: z.object({
    // Checked against the node type's schema by validateGraph, which knows the catalogue.
    config: z.record(z.string(), z.unknown()),
  }),
  label: z.string().max(200).optional(),
});

export const flowEdgeSchema = z.object({
  id: z.string().min(1, 'an edge needs an id'),
  source: z.string().min(1, 'an edge needs a source node'),
  sourceHandle: z.string().min(1, 'an edge must leave a named handle'),
  target: z.string().min(1, 'an edge needs a target node'),
});

export const flowGraphSchema = z
  .object({
    nodes: z.array(flowNodeSchema),
    edges: z.array(flowEdgeSchema),
  })
  .meta({ id: 'FlowGraph' });

export type FlowPosition = z.infer<typeof flowPositionSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowGraph = z.infer<typeof flowGraphSchema>;
