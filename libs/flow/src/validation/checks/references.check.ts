import type { NodeReference } from '../../catalogue/define-node';
import { describeNode } from '../describe-node';
import type { GraphProblem } from '../graph-problem';
import type { KnownReferences } from '../validate-graph.options';
import type { GraphCheck } from './graph-check';

const known = (refs: KnownReferences, kind: NodeReference['kind']): readonly string[] | undefined =>
  ({ schedule: refs.scheduleIds, user: refs.userIds, team: refs.teamIds })[kind];

/** Only runs for the kinds of ids the caller supplied (the API knows them; the canvas may not). */
export const checkReferences: GraphCheck = ({ nodes, options }) => {
  const refs = options.references;
  if (!refs) return [];
  const problems: GraphProblem[] = [];
  for (const facts of nodes.values()) {
    if (!facts.definition || !facts.config?.ok) continue;
    for (const ref of facts.definition.references(facts.config.config)) {
      const ids = known(refs, ref.kind);
      if (!ids || ids.includes(ref.id)) continue;
      problems.push({
        code: 'unknown_reference',
        nodeId: facts.node.id,
        field: ref.field,
        message: `${describeNode(facts)}: ${ref.field} points at a ${ref.kind} ("${ref.id}") that does not exist.`,
      });
    }
  }
  return problems;
};
