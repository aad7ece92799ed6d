import type { NodeFacts } from './graph-context';

/** How messages name a node: its title and label, e.g. `Condition "Hot or not" (hot-or-not)`. */
export function describeNode({ node, definition }: Pick<NodeFacts, 'node' | 'definition'>): string {
  const kind = definition?.title ?? 'Node';
  return node.label && node.label !== node.id
    ? `${kind} "${node.label}" (${node.id})`
    : `${kind} "${node.id}"`;
}

/** Dotted form of a config path, the way forms address fields. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.');
}
