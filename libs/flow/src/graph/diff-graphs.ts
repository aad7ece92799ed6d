import type { FlowEdge, FlowGraph, FlowNode, FlowPosition } from './flow-graph.schema';

// What changed between two graphs (a published version and the draft): the steps added, removed
// and changed (label, type, config field by field) and the connections added and removed. Pure,
// so the publish dialog and anything else that shows a change read the same answer.

/** One config field that differs. `undefined` on one side: the field is not set there. */
export interface ConfigChange {
  /** Dotted, array items by index: `rules.0.clauses.1.value`. */
  path: string;
  /** The same path as keys and indexes, for showing each part by name. */
  segments: (string | number)[];
  before: unknown;
  after: unknown;
}

export interface ValueChange<T> {
  before: T;
  after: T;
}

export interface NodeChange {
  id: string;
  before: FlowNode;
  after: FlowNode;
  label?: ValueChange<string | undefined>;
  type?: ValueChange<string>;
  /** Only when asked for (`positions: true`): moving a step changes nothing a lead sees. */
  position?: ValueChange<FlowPosition>;
  config: ConfigChange[];
}

export interface GraphDiff {
  addedNodes: FlowNode[];
  removedNodes: FlowNode[];
  changedNodes: NodeChange[];
  /** Connections are compared by source, handle and target (their ids are not meaningful). */
  addedEdges: FlowEdge[];
  removedEdges: FlowEdge[];
}

export interface DiffGraphsOptions {
  /** Report moved steps as changed too; off by default. */
  positions?: boolean;
}

type Json = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality for JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/**
 * Leaf by leaf where both sides have the same shape (objects by key, arrays by index); where a
 * side is missing or the shapes differ, the whole value at that path is one change.
 */
function diffValues(
  before: unknown,
  after: unknown,
  segments: (string | number)[],
  out: ConfigChange[],
): void {
  if (jsonEqual(before, after)) return;
  const both = (test: (v: unknown) => boolean) => test(before) && test(after);
  if (both(isPlainObject)) {
    const b = before as Json;
    const a = after as Json;
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    for (const key of keys) diffValues(b[key], a[key], [...segments, key], out);
    return;
  }
  if (both(Array.isArray)) {
    const b = before as unknown[];
    const a = after as unknown[];
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      diffValues(b[i], a[i], [...segments, i], out);
    }
    return;
  }
  out.push({ path: segments.join('.'), segments, before, after });
}

/** Each config field that differs between two configs, in the order the fields appear. */
export function diffConfig(before: Json, after: Json): ConfigChange[] {
  const out: ConfigChange[] = [];
  diffValues(before, after, [], out);
  return out;
}

function diffNode(
  before: FlowNode,
  after: FlowNode,
  options: DiffGraphsOptions,
): NodeChange | null {
  const change: NodeChange = { id: after.id, before, after, config: [] };
  if ((before.label ?? '') !== (after.label ?? '')) {
    change.label = { before: before.label, after: after.label };
  }
  if (before.type !== after.type) change.type = { before: before.type, after: after.type };
  if (
    options.positions &&
    (before.position.x !== after.position.x || before.position.y !== after.position.y)
  ) {
    change.position = { before: before.position, after: after.position };
  }
  change.config = diffConfig(before.data.config, after.data.config);
  const changed =
    change.label !== undefined ||
    change.type !== undefined ||
    change.position !== undefined ||
    change.config.length > 0;
  return changed ? change : null;
}

/** What identifies a connection: where it leaves from and where it goes. */
export const edgeKey = (edge: Pick<FlowEdge, 'source' | 'sourceHandle' | 'target'>): string =>
  JSON.stringify([edge.source, edge.sourceHandle, edge.target]);

/** Edges of `from` with no counterpart in `other` (counted, so a duplicate is still one each). */
function edgesMissingFrom(from: FlowEdge[], other: FlowEdge[]): FlowEdge[] {
  const left = new Map<string, number>();
  for (const edge of other) left.set(edgeKey(edge), (left.get(edgeKey(edge)) ?? 0) + 1);
  return from.filter((edge) => {
    const count = left.get(edgeKey(edge)) ?? 0;
    if (count === 0) return true;
    left.set(edgeKey(edge), count - 1);
    return false;
  });
}

/** What changed from `before` to `after`; nodes are matched by id. */
export function diffGraphs(
  before: FlowGraph,
  after: FlowGraph,
  options: DiffGraphsOptions = {},
): GraphDiff {
  const beforeById = new Map(before.nodes.map((n) => [n.id, n]));
  const afterIds = new Set(after.nodes.map((n) => n.id));
  const changedNodes: NodeChange[] = [];
  for (const node of after.nodes) {
    const old = beforeById.get(node.id);
    const change = old ? diffNode(old, node, options) : null;
    if (change) changedNodes.push(change);
  }
  return {
    addedNodes: after.nodes.filter((n) => !beforeById.has(n.id)),
    removedNodes: before.nodes.filter((n) => !afterIds.has(n.id)),
    changedNodes,
    addedEdges: edgesMissingFrom(after.edges, before.edges),
    removedEdges: edgesMissingFrom(before.edges, after.edges),
  };
}

export function isEmptyDiff(diff: GraphDiff): boolean {
  return (
    diff.addedNodes.length === 0 &&
    diff.removedNodes.length === 0 &&
    diff.changedNodes.length === 0 &&
    diff.addedEdges.length === 0 &&
    diff.removedEdges.length === 0
  );
}

/** "2 steps added, 1 removed": the noun once, on the first count that is not zero. */
function countPhrases([one, many]: [string, string], counts: [number, string][]): string[] {
  const phrases: string[] = [];
  for (const [count, what] of counts) {
    if (count === 0) continue;
    const noun = phrases.length === 0 ? ` ${count === 1 ? one : many}` : '';
    phrases.push(`${count}${noun} ${what}`);
  }
  return phrases;
}

/** "2 steps added, 1 changed, 1 connection removed", or "No changes". */
export function summarizeDiff(diff: GraphDiff): string {
  const phrases = [
    ...countPhrases(
      ['step', 'steps'],
      [
        [diff.addedNodes.length, 'added'],
        [diff.removedNodes.length, 'removed'],
        [diff.changedNodes.length, 'changed'],
      ],
    ),
    ...countPhrases(
      ['connection', 'connections'],
      [
        [diff.addedEdges.length, 'added'],
        [diff.removedEdges.length, 'removed'],
      ],
    ),
  ];
  return phrases.length === 0 ? 'No changes' : phrases.join(', ');
}
