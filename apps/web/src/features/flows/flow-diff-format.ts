import type { NodeTypeDescriptionView } from '@baton/api-contract';
import type { FlowEdge, FlowGraph, FlowNode } from '@baton/flow';
import { handleLabels, type ReferenceNames } from './node-face';
import { enumLabel, fieldTitle } from './node-config-schema';

// Words for a graph diff: steps by the name people gave them, config fields by title, values as
// the settings form shows them (enum words, names for ids), so a change reads without the JSON.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type CatalogueByType = ReadonlyMap<string, NodeTypeDescriptionView>;

/** A step as people know it: its name, else its type's title, else its id. */
export function nodeName(node: Pick<FlowNode, 'id' | 'type' | 'label'>, byType: CatalogueByType) {
  return node.label?.trim() || byType.get(node.type)?.title || node.id;
}

/** `['rules', 0, 'clauses', 1, 'value']` → "Rules 1 › Clauses 2 › Value". */
export function fieldPathTitle(segments: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (const segment of segments) {
    if (typeof segment === 'number' && parts.length > 0) {
      parts[parts.length - 1] = `${parts[parts.length - 1]} ${segment + 1}`;
    } else {
      parts.push(typeof segment === 'number' ? `Item ${segment + 1}` : fieldTitle(segment));
    }
  }
  return parts.join(' › ');
}

/** The schemas a value at `segments` may follow (every branch of a oneOf/anyOf counts). */
function schemasAt(schema: unknown, segments: readonly (string | number)[]): Json[] {
  const expand = (s: unknown): Json[] => {
    if (!isObject(s)) return [];
    const branches = ['oneOf', 'anyOf', 'allOf'].flatMap((k) =>
      Array.isArray(s[k]) ? (s[k] as unknown[]).flatMap(expand) : [],
    );
    return [s, ...branches];
  };
  let current = expand(schema);
  for (const segment of segments) {
    current = current.flatMap((s) => {
      if (typeof segment === 'string') {
        return isObject(s['properties']) ? expand(s['properties'][segment]) : [];
      }
      const tuple = Array.isArray(s['prefixItems']) ? s['prefixItems'][segment] : undefined;
      return expand(tuple ?? s['items']);
    });
  }
  return current;
}

/** Whether the field at this path is a choice from a list (so its value reads as words). */
export function isEnumField(
  configJsonSchema: unknown,
  segments: readonly (string | number)[],
  value: string,
): boolean {
  return schemasAt(configJsonSchema, segments).some(
    (s) => (Array.isArray(s['enum']) && s['enum'].includes(value)) || s['const'] === value,
  );
}

const MAX_VALUE_LENGTH = 80;
const clip = (text: string) =>
  text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;

export interface ValueContext {
  /** The node type's config schema, to tell choices from free text. */
  schema?: unknown;
  segments: readonly (string | number)[];
  names: ReferenceNames;
}

/** A config value as the form shows it: "not set", "Yes", "Least loaded", a team's name, "70". */
export function formatConfigValue(value: unknown, context: ValueContext): string {
  if (value === undefined || value === null || value === '') return 'not set';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const named = context.names.get(value);
    if (named) return named;
    if (isEnumField(context.schema, context.segments, value)) return enumLabel(value);
    return `“${clip(value)}”`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return clip(
      value
        .map((item, i) =>
          formatConfigValue(item, { ...context, segments: [...context.segments, i] }),
        )
        .join(', '),
    );
  }
  return clip(JSON.stringify(value));
}

/** A connection in words: "Route (Hot) → Assign". */
export function describeEdge(edge: FlowEdge, graph: FlowGraph, byType: CatalogueByType): string {
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  const handle = source
    ? (handleLabels(source.type, source.data.config).get(edge.sourceHandle) ?? edge.sourceHandle)
    : edge.sourceHandle;
  const from = source ? nodeName(source, byType) : edge.source;
  const to = target ? nodeName(target, byType) : edge.target;
  return `${from} (${enumLabel(handle)}) → ${to}`;
}
