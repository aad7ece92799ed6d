import type { FlowEdge, FlowGraph, FlowNode } from '../graph/flow-graph.schema';

/** Database ids the demo flow points at; the seed creates the team and schedule with these ids. */
export interface DemoFlowRefs {
  teamId: string;
  scheduleId: string;
}

export const demoFlowRefs: DemoFlowRefs = {
  teamId: 'd0000000-0000-4000-8000-000000007ea1',
  scheduleId: 'd0000000-0000-4000-8000-0000000005c1',
};

const COLUMN = 280;
const ROW = 160;

const node = (
  id: string,
  type: string,
  column: number,
  row: number,
  label: string,
  config: Record<string, unknown>,
): FlowNode => ({
  id,
  type,
  position: { x: column * COLUMN, y: row * ROW },
  data: { config },
  label,
});

const edge = (source: string, sourceHandle: string, target: string): FlowEdge => ({
  id: `${source}.${sourceHandle}->${target}`,
  source,
  sourceHandle,
  target,
});

/**
 * The published demo flow: hot leads get a rep by round robin within office hours (an auto-reply
 * and a wait until opening otherwise), an in-app alert and an email, a 15-business-minute SLA
 * with reminders at 5 and 10, then escalation to the manager with reassignment. Other leads go
 * to the least-loaded rep with a 4-hour SLA.
 */
export function createDemoFlowGraph(refs: DemoFlowRefs = demoFlowRefs): FlowGraph {
  const { teamId, scheduleId } = refs;
  const nodes: FlowNode[] = [
    node('trigger', 'trigger', 0, 1, 'Any source', { sources: [], forms: [] }),
    node('qualify', 'qualify', 1, 1, 'Score the lead', { timeoutMs: 15_000 }),
    node('hot-or-not', 'condition', 2, 1, 'Hot or not', {
      rules: [
        {
          id: 'hot',
          label: 'Hot lead (score 70+)',
          group: { mode: 'all', clauses: [{ field: 'qualification.score', op: 'gte', value: 70 }] },
        },
      ],
    }),
    node('office-hours', 'business_hours', 3, 0, 'Office open?', { scheduleId }),
    node('auto-reply', 'notify', 4, -1, 'Auto-reply to the lead', {
      channel: 'email',
      to: 'lead',
      subject: 'Thanks, {{lead.name}}: we got your message',
      body: 'Hi {{lead.name}},\n\nThanks for getting in touch. Our team is offline right now; the first person in will contact you as soon as we open.\n\nThe Baton demo team',
    }),
    node('wait-until-open', 'delay', 5, -1, 'Wait until we open', {
      untilScheduleOpen: scheduleId,
    }),
    node('assign-rep', 'assign', 6, 0, 'Round robin', {
      strategy: 'round_robin',
      teamId,
      respectSchedules: true,
    }),
    node('alert-owner', 'notify', 7, 0, 'Alert the rep', {
      channel: 'in_app',
      to: 'owner',
      body: 'Hot lead: {{lead.name}} ({{lead.company}}) scored {{qualification.score}}. Make contact within 15 minutes.',
    }),
    node('email-owner', 'notify', 8, 0, 'Email the rep', {
      channel: 'email',
      to: 'owner',
      subject: 'Hot lead: {{lead.name}} ({{lead.company}})',
      body: 'Hi {{owner.name}},\n\n{{lead.name}} from {{lead.company}} wrote:\n\n{{lead.message}}\n\nScore {{qualification.score}}/100. {{qualification.summary}}\nEmail: {{lead.email}}  Phone: {{lead.phone}}\n\nPlease make contact within 15 minutes.',
    }),
    node('alert-manager', 'notify', 7, 2, 'Nobody free: tell the manager', {
      channel: 'in_app',
      to: 'manager',
      body: 'Nobody on the team is available for {{lead.name}} ({{lead.company}}); please pick it up.',
    }),
    node('wait-for-contact', 'wait_for_contact', 9, 0, '15-minute SLA', {
      sla: { minutes: 15, mode: 'business', scheduleId },
      reminders: [5, 10],
    }),
    node('escalate', 'escalate', 10, 1, 'Escalate to the manager', {
      maxRounds: 2,
      reassign: true,
      notifyManager: true,
      roundSla: { minutes: 15, mode: 'business', scheduleId },
    }),
    node('end-contacted', 'end', 11, 0, 'Contacted', { outcome: 'contacted' }),
    node('end-unhandled', 'end', 11, 1, 'Escalated', { outcome: 'unhandled' }),
    node('assign-standard', 'assign', 6, 3, 'Least loaded', {
      strategy: 'least_loaded',
      teamId,
      respectSchedules: true,
    }),
    node('alert-owner-standard', 'notify', 7, 3, 'Alert the rep', {
      channel: 'in_app',
      to: 'owner',
      body: 'New lead: {{lead.name}} ({{lead.company}}), score {{qualification.score}}. Please follow up today.',
    }),
    node('wait-standard', 'wait_for_contact', 9, 3, '4-hour SLA', {
      sla: { minutes: 240, mode: 'business', scheduleId },
      reminders: [120],
    }),
  ];
  const edges: FlowEdge[] = [
    edge('trigger', 'next', 'qualify'),
    edge('qualify', 'next', 'hot-or-not'),
    edge('hot-or-not', 'hot', 'office-hours'),
    edge('hot-or-not', 'else', 'assign-standard'),
    edge('office-hours', 'open', 'assign-rep'),
    edge('office-hours', 'closed', 'auto-reply'),
    edge('auto-reply', 'next', 'wait-until-open'),
    edge('wait-until-open', 'next', 'assign-rep'),
    edge('assign-rep', 'assigned', 'alert-owner'),
    edge('assign-rep', 'nobody', 'alert-manager'),
    edge('alert-owner', 'next', 'email-owner'),
    edge('email-owner', 'next', 'wait-for-contact'),
    edge('alert-manager', 'next', 'wait-for-contact'),
    edge('wait-for-contact', 'contacted', 'end-contacted'),
    edge('wait-for-contact', 'breached', 'escalate'),
    edge('escalate', 'next', 'end-unhandled'),
    edge('assign-standard', 'assigned', 'alert-owner-standard'),
    edge('assign-standard', 'nobody', 'alert-manager'),
    edge('alert-owner-standard', 'next', 'wait-standard'),
    edge('wait-standard', 'contacted', 'end-contacted'),
    edge('wait-standard', 'breached', 'escalate'),
  ];
  return { nodes, edges };
}

/** The demo flow with the demo ids, ready for the seed to publish. */
export const demoFlowGraph: FlowGraph = createDemoFlowGraph();
