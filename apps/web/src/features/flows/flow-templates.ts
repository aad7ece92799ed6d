import { createDemoFlowGraph, demoFlowRefs, type FlowGraph } from '@baton/flow';
import type { ReferenceOption } from './flow-references.api';

/** What a new flow can start from. */
export interface FlowTemplate {
  id: string;
  title: string;
  description: string;
  /** The graph to start with; undefined = the server's default (a lone trigger). */
  graph(refs: { teams?: ReferenceOption[]; schedules?: ReferenceOption[] }): FlowGraph | undefined;
}

export const flowTemplates: FlowTemplate[] = [
  {
    id: 'empty',
    title: 'Empty canvas',
    description: 'Just a trigger: add the steps yourself.',
    graph: () => undefined,
  },
  {
    id: 'demo',
    title: 'Hot leads fast, the rest by load',
    description:
      'The demo flow: qualify, route hot leads by round robin within office hours, alert and email the rep, chase with a 15-minute SLA and escalate.',
    // Pointed at this install's first team and schedule, so it starts close to publishable.
    graph: ({ teams, schedules }) =>
      createDemoFlowGraph({
        teamId: teams?.[0]?.id ?? demoFlowRefs.teamId,
        scheduleId: schedules?.[0]?.id ?? demoFlowRefs.scheduleId,
      }),
  },
];
