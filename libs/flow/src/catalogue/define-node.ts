import type { z } from 'zod';

/** Palette groups, in the order the canvas shows them. */
export const nodeCategories = [
  'start',
  'ai',
  'logic',
  'routing',
  'messaging',
  'timing',
  'integration',
  'finish',
] as const;
export type NodeCategory = (typeof nodeCategories)[number];

/** Something a config points at that lives in the database (checked by validateGraph when known). */
export interface NodeReference {
  kind: 'schedule' | 'user' | 'team';
  id: string;
  /** Dotted path of the config field that holds the id, e.g. `sla.scheduleId`. */
  field: string;
}

/** Out handles: a fixed list, or derived from the config (a condition has one per rule). */
export type HandleSpec<C> = readonly string[] | ((config: C) => readonly string[]);

export interface NodeDefinitionSpec<T extends string, S extends z.ZodType> {
  type: T;
  title: string;
  description: string;
  category: NodeCategory;
  configSchema: S;
  /** What the canvas puts in a freshly dropped node; may still need ids filled in. */
  defaultConfig: z.input<S>;
  handles: HandleSpec<z.output<S>>;
  /** Handles that must be connected before publishing; all of them unless said otherwise. */
  requiredHandles?: HandleSpec<z.output<S>>;
  /** A waiting node (timer or signal) is the only kind of node a cycle may pass through. */
  waits?: boolean;
  /** false = shown in the palette as "coming soon" and rejected by validation. */
  available?: boolean;
  references?: (config: z.output<S>) => NodeReference[];
}

export interface NodeDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly title: string;
  readonly description: string;
  readonly category: NodeCategory;
  readonly configSchema: S;
  readonly defaultConfig: z.input<S>;
  readonly waits: boolean;
  readonly available: boolean;
  /** The handle list when it does not depend on the config, so it is known even for a broken config. */
  readonly staticHandles: readonly string[] | undefined;
  /** Likewise the handles that must be connected, when they do not depend on the config. */
  readonly staticRequiredHandles: readonly string[] | undefined;
  // Method syntax on purpose: it keeps definitions of different config types assignable to
  // NodeDefinition<string, ZodType> (the catalogue), while each one stays precisely typed.
  handles(config: z.output<S>): readonly string[];
  requiredHandles(config: z.output<S>): readonly string[];
  references(config: z.output<S>): NodeReference[];
}

export type AnyNodeDefinition = NodeDefinition<string, z.ZodType>;

const resolve = <C>(spec: HandleSpec<C>, config: C): readonly string[] =>
  typeof spec === 'function' ? spec(config) : spec;

/** Declares one node type; each `*.node.ts` module calls this once and the catalogue collects it. */
export function defineNode<T extends string, S extends z.ZodType>(
  spec: NodeDefinitionSpec<T, S>,
): NodeDefinition<T, S> {
  const { handles, requiredHandles, references } = spec;
  return {
    type: spec.type,
    title: spec.title,
    description: spec.description,
    category: spec.category,
    configSchema: spec.configSchema,
    defaultConfig: spec.defaultConfig,
    waits: spec.waits ?? false,
    available: spec.available ?? true,
    staticHandles: typeof handles === 'function' ? undefined : handles,
    staticRequiredHandles:
      typeof (requiredHandles ?? handles) === 'function'
        ? undefined
        : ((requiredHandles ?? handles) as readonly string[]),
    handles: (config) => resolve(handles, config),
    requiredHandles: (config) => resolve(requiredHandles ?? handles, config),
    references: (config) => references?.(config) ?? [],
  };
}
