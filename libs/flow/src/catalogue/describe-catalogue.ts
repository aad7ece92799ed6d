import { z } from 'zod';
import type { AnyNodeDefinition } from './define-node';
import { nodeCatalogue, type NodeCatalogue } from './node-catalogue';

/** A JSON Schema document (draft 2020-12), as z.toJSONSchema produces it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** JSON-safe description of a node type: what the palette, the config form and the API docs need. */
export interface NodeTypeDescription {
  type: string;
  title: string;
  description: string;
  category: AnyNodeDefinition['category'];
  available: boolean;
  waits: boolean;
  /** Out handles when fixed; undefined when they come from the config (condition rules + else). */
  handles: readonly string[] | undefined;
  defaultConfig: unknown;
  /** The config's JSON Schema as the form fills it in (input side: defaults are optional). */
  configJsonSchema: JsonSchema;
}

const schemaCache = new WeakMap<AnyNodeDefinition, JsonSchema>();

/** JSON Schema for one node type's config, for generated forms. */
export function nodeConfigJsonSchema(definition: AnyNodeDefinition): JsonSchema {
  const cached = schemaCache.get(definition);
  if (cached) return cached;
  const schema = z.toJSONSchema(definition.configSchema, { io: 'input', unrepresentable: 'any' });
  schemaCache.set(definition, schema);
  return schema;
}

export function describeNodeType(definition: AnyNodeDefinition): NodeTypeDescription {
  return {
    type: definition.type,
    title: definition.title,
    description: definition.description,
    category: definition.category,
    available: definition.available,
    waits: definition.waits,
    handles: definition.staticHandles,
    defaultConfig: definition.defaultConfig,
    configJsonSchema: nodeConfigJsonSchema(definition),
  };
}

/** The whole catalogue, in palette order. */
export function describeCatalogue(catalogue: NodeCatalogue = nodeCatalogue): NodeTypeDescription[] {
  return Object.values(catalogue).map(describeNodeType);
}
