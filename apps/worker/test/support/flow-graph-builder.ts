import type { FlowGraph } from '@baton/flow';

/** Builds test flows readably: node ids double as labels, edges name their handle. */
export class FlowGraphBuilder {
  private readonly graph: FlowGraph = { nodes: [], edges: [] };

  node(id: string, type: string, config: Record<string, unknown> = {}): this {
    this.graph.nodes.push({
      id,
      type,
      position: { x: this.graph.nodes.length * 200, y: 0 },
      data: { config },
    });
    return this;
  }

  edge(source: string, sourceHandle: string, target: string): this {
    this.graph.edges.push({
      id: `${source}-${sourceHandle}-${target}`,
      source,
      sourceHandle,
      target,
    });
    return this;
  }

  build(): FlowGraph {
    return structuredClone(this.graph);
  }
}

export const flow = () => new FlowGraphBuilder();

/**
 * The common spine of handoff tests: trigger → round-robin assign → wait for contact, with
 * "contacted" and "nobody" ending the flow. Callers connect `wait`'s "breached" handle.
 */
export const assignThenWait = (teamId: string, sla: { minutes: number; reminders?: number[] }) =>
  flow()
    .node('start', 'trigger')
    .node('pick', 'assign', { strategy: 'round_robin', teamId })
    .node('wait', 'wait_for_contact', {
      sla: { minutes: sla.minutes, mode: 'wall' },
      reminders: sla.reminders ?? [],
    })
    .node('done', 'end', { outcome: 'contacted' })
    .node('nobody', 'end', { outcome: 'unhandled' })
    .edge('start', 'next', 'pick')
    .edge('pick', 'assigned', 'wait')
    .edge('pick', 'nobody', 'nobody')
    .edge('wait', 'contacted', 'done');
