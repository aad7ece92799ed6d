import { z } from 'zod';
import { nodeCategories } from '@baton/flow';

/** One node type for the canvas palette and its generated config form (libs/flow describeNodeType). */
export const nodeTypeDescriptionSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(nodeCategories),
    /** false = shown as "coming soon"; publishing a flow that uses it fails. */
    available: z.boolean(),
    /** A waiting node (timer or signal): the only kind a cycle may pass through. */
    waits: z.boolean(),
    /** Fixed out handles; absent when they come from the config (a condition: rules + else). */
    handles: z.array(z.string()).optional(),
    defaultConfig: z.unknown(),
    /** JSON Schema (draft 2020-12) of the config, input side. */
    configJsonSchema: z.record(z.string(), z.unknown()),
    /** On a `custom` variant: the plugin activity it runs, as a worker registered it. */
    activity: z
      .object({
        name: z.string(),
        version: z.string(),
        handles: z.array(z.string()),
        /** JSON Schema of the activity's input: the node's settings form. */
        inputSchema: z.record(z.string(), z.unknown()),
        plugin: z.object({ name: z.string(), version: z.string() }),
      })
      .optional(),
  })
  .meta({ id: 'NodeTypeDescription' });
export type NodeTypeDescriptionView = z.infer<typeof nodeTypeDescriptionSchema>;

/** Every node type, in palette order. */
export const nodeCatalogueSchema = z.array(nodeTypeDescriptionSchema).meta({ id: 'NodeCatalogue' });
