import type {
  FlowSimulation,
  FlowSimulationRequest,
  FlowTestCaseExpected,
} from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { enumLabel } from './node-config-schema';
import type { ReferenceNames } from './node-face';

// What a saved test expects, in words, and the expectations a simulated walk offers to save.

const labelOf = (graph: FlowGraph, id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;

/** "ends at “Escalate” · team Sales · owner nobody": each check the case makes. */
export function describeExpected(
  expected: FlowTestCaseExpected,
  graph: FlowGraph,
  names: ReferenceNames,
): string {
  const step = (id: string) => `“${labelOf(graph, id)}”`;
  const parts: string[] = [];
  if (expected.endNodeId !== undefined) parts.push(`ends at ${step(expected.endNodeId)}`);
  if (expected.outcome !== undefined)
    parts.push(`outcome ${enumLabel(expected.outcome).toLowerCase()}`);
  if (expected.path !== undefined) parts.push(`path ${expected.path.map(step).join(' → ')}`);
  if (expected.passes !== undefined) parts.push(`passes ${expected.passes.map(step).join(', ')}`);
  if (expected.teamId !== undefined)
    parts.push(`team ${names.get(expected.teamId) ?? 'unknown to you'}`);
  if (expected.ownerId !== undefined)
    parts.push(
      `owner ${expected.ownerId === null ? 'nobody' : (names.get(expected.ownerId) ?? 'someone unknown to you')}`,
    );
  return parts.join(' · ');
}

/**
 * The team whose assign step chose the owner, as the server checks it (an escalation reassigns
 * from the last assign step's pool); null when nobody was chosen or the step names no team.
 */
function choosingTeam(graph: FlowGraph, result: FlowSimulation): string | null {
  if (!result.owner) return null;
  let lastAssignTeam: string | null = null;
  let chosenTeam: string | null = null;
  for (const step of result.path) {
    if (step.type === 'assign') {
      const teamId = graph.nodes.find((n) => n.id === step.nodeId)?.data?.config?.['teamId'];
      lastAssignTeam = typeof teamId === 'string' ? teamId : null;
    }
    if (step.assignment?.userId) chosenTeam = lastAssignTeam;
  }
  return chosenTeam;
}

export type ExpectationKey = 'endNodeId' | 'outcome' | 'teamId' | 'ownerId' | 'path';

export interface ExpectationChoice {
  key: ExpectationKey;
  /** The one check, as `expected` holds it. */
  expected: FlowTestCaseExpected;
  /** Ticked to begin with. */
  checked: boolean;
}

/** What the walk did that a test could insist on, in the order the form lists them. */
export function expectationChoices(graph: FlowGraph, result: FlowSimulation): ExpectationChoice[] {
  const choices: ExpectationChoice[] = [];
  const { outcome } = result;
  if (outcome.kind === 'ended') {
    choices.push({ key: 'endNodeId', expected: { endNodeId: outcome.nodeId }, checked: true });
    // Each End has one outcome, so the end already says it: off unless asked for.
    choices.push({ key: 'outcome', expected: { outcome: outcome.outcome }, checked: false });
  }
  const teamId = choosingTeam(graph, result);
  if (teamId) choices.push({ key: 'teamId', expected: { teamId }, checked: true });
  // Who exactly is picked changes with availability and turns: the team is the steadier check.
  choices.push({
    key: 'ownerId',
    expected: { ownerId: result.owner?.id ?? null },
    checked: teamId === null,
  });
  // A walk that stopped short of an End has only its steps to check.
  choices.push({
    key: 'path',
    expected: { path: result.path.map((s) => s.nodeId) },
    checked: outcome.kind !== 'ended',
  });
  return choices;
}

/** A suggested name: the lead and where it ends. */
export function suggestedName(
  request: FlowSimulationRequest,
  result: FlowSimulation,
  graph: FlowGraph,
): string {
  const where = result.outcome.nodeId ? labelOf(graph, result.outcome.nodeId) : 'stops';
  return `${request.lead.name} → ${where}`;
}

/** What the form cannot show of a saved lead (Run all still uses it). */
export function hiddenInputParts(input: FlowSimulationRequest): string[] {
  const hidden: string[] = [];
  if (input.lead.customFields && Object.keys(input.lead.customFields).length > 0)
    hidden.push('custom fields');
  if (input.lead.context && Object.keys(input.lead.context).length > 0)
    hidden.push('source context');
  const q = input.qualification;
  if (q && Object.keys(q).some((k) => k !== 'score')) hidden.push('qualification beyond the score');
  if (Array.isArray(input.breached)) hidden.push('which waits run out');
  return hidden;
}
