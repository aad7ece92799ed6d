import type { FlowGraph, FlowNode } from '@baton/flow';

/** Index over a published (validated) graph: which node, and where a handle leads. */
export class FlowNavigator {
  private readonly nodes = new Map<string, FlowNode>();
  private readonly edges = new Map<string, string>();

  constructor(graph: FlowGraph) {
    for (const node of graph.nodes) this.nodes.set(node.id, node);
    for (const edge of graph.edges)
      this.edges.set(`${edge.source}\u0000${edge.sourceHandle}`, edge.target);
  }

  node(id: string): FlowNode | undefined {
    return this.nodes.get(id);
  }

  trigger(): FlowNode | undefined {
    return [...this.nodes.values()].find((n) => n.type === 'trigger');
  }

  /** The node a handle leads to, or undefined when nothing is connected there. */
  next(nodeId: string, handle: string): FlowNode | undefined {
    const target = this.edges.get(`${nodeId}\u0000${handle}`);
    return target === undefined ? undefined : this.nodes.get(target);
  }
}
