import { z } from 'zod';
import type { ActivityCategory, AnyActivityDefinition } from './define-activity';

/** An activity as the API and the builder see it: plain JSON, schemas as JSON Schema. */
export interface ActivityDescription {
  name: string;
  version: string;
  title: string;
  description: string;
  category: ActivityCategory;
  handles: string[];
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
  /** The plugin package that brought it. */
  plugin: { name: string; version: string };
}

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

export function describeActivity(
  activity: AnyActivityDefinition,
  plugin: { name: string; version: string },
): ActivityDescription {
  return {
    name: activity.name,
    version: activity.version,
    title: activity.title,
    description: activity.description,
    category: activity.category,
    handles: [...activity.handles],
    // The form fills the node's settings, so it shows what the schema accepts.
    inputSchema: toJsonSchema(activity.input, 'input'),
    outputSchema: toJsonSchema(activity.output, 'output'),
    plugin,
  };
}
