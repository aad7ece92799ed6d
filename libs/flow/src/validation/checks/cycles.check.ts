import type { GraphCheck } from './graph-check';
import type { GraphProblem } from '../graph-problem';

/**
 * Strongly connected components (Tarjan, iterative so a long chain cannot overflow the stack).
 * Returns components in no particular order; each lists node ids.
 */
export function stronglyConnected(
  ids: readonly string[],
  next: (id: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; successors: readonly string[]; at: number }> = [];
    const open = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, successors: next(id), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const successor = frame.successors[frame.at];
      if (successor !== undefined) {
        frame.at += 1;
        if (!index.has(successor)) open(successor);
        else if (onStack.has(successor))
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(successor) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          onStack.delete(id);
          component.push(id);
          if (id === frame.id) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}

/**
 * A loop is fine only if a lead waits somewhere on it (for contact, or a delay); otherwise the
 * workflow would spin through it forever. So: drop the waiting nodes, and any cycle left is a problem.
 */
export const checkCycles: GraphCheck = ({ graph, nodes, connectedEdges }) => {
  const order = graph.nodes.map((n) => n.id);
  const moving = order.filter(
    (id, i) => order.indexOf(id) === i && nodes.get(id)?.definition?.waits !== true,
  );
  const movingSet = new Set(moving);
  const next = (id: string): string[] =>
    connectedEdges.filter((e) => e.source === id && movingSet.has(e.target)).map((e) => e.target);

  const problems: GraphProblem[] = [];
  for (const component of stronglyConnected(moving, next)) {
    const first = component[0];
    const selfLoop = component.length === 1 && first !== undefined && next(first).includes(first);
    if (component.length < 2 && !selfLoop) continue;
    const members = [...component].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    problems.push({
      code: 'cycle_without_wait',
      nodeId: members[0],
      nodeIds: members,
      message:
        members.length === 1
          ? `"${members[0]}" leads straight back to itself with no Wait for contact or Delay in between; a lead would go round it forever.`
          : `${members.map((id) => `"${id}"`).join(' → ')} form a loop with no Wait for contact or Delay in it; a lead would go round it forever.`,
    });
  }
  return problems;
};
