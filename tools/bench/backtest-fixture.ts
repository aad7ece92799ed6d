// A realistic 30-node flow, its draft (two thresholds moved) and 10,000 varied leads for
// `npm run bench:backtest`. Deterministic (a seeded generator), so runs compare.
import type {
  BacktestLead,
  BacktestWorld,
  FlowEdge,
  FlowGraph,
  FlowNode,
  RosterPerson,
  Schedule,
} from '@baton/flow';

const node = (id: string, type: string, config: Record<string, unknown>): FlowNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { config },
  label: id,
});
const edge = (source: string, sourceHandle: string, target: string): FlowEdge => ({
  id: `${source}.${sourceHandle}->${target}`,
  source,
  sourceHandle,
  target,
});

const TEAMS = { ent: 'team-ent', hot: 'team-hot', us: 'team-us', std: 'team-std' } as const;
const SCHEDULES = { berlin: 'sch-berlin', ny: 'sch-ny', always: 'sch-always' } as const;

const weekdays = (start: string, end: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start, end }]]));

export const benchSchedules: Record<string, Schedule> = {
  [SCHEDULES.berlin]: {
    timeZone: 'Europe/Berlin',
    weekly: weekdays('09:00', '17:00'),
    holidays: ['2026-04-03', '2026-04-06', '2026-05-01'],
  },
  [SCHEDULES.ny]: { timeZone: 'America/New_York', weekly: weekdays('08:00', '18:00') },
  [SCHEDULES.always]: {
    timeZone: 'UTC',
    weekly: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
        d,
        [{ start: '00:00', end: '24:00' }],
      ]),
    ),
  },
};

/** The published flow: 30 nodes, every kind a real flow uses. `hot` and `enterprise` thresholds vary. */
export function benchFlow(thresholds: { hot: number; enterpriseEmployees: number }): FlowGraph {
  const sla = (minutes: number, scheduleId: string) => ({
    sla: { minutes, mode: 'business', scheduleId },
    reminders: [Math.round(minutes / 3)],
  });
  const nodes: FlowNode[] = [
    node('trigger', 'trigger', { sources: [], forms: [] }),
    node('qualify', 'qualify', { timeoutMs: 15_000, minScore: 40 }),
    node('spam-check', 'condition', {
      rules: [
        {
          id: 'spam',
          label: 'Spam',
          group: {
            mode: 'any',
            clauses: [
              { field: 'qualification.spam', op: 'eq', value: true },
              { field: 'lead.email', op: 'matches', value: '@(mailinator|example)\\.' },
            ],
          },
        },
      ],
    }),
    node('segment', 'condition', {
      rules: [
        {
          id: 'enterprise',
          label: 'Enterprise',
          group: {
            mode: 'all',
            clauses: [
              {
                field: 'lead.customFields.employees',
                op: 'gte',
                value: thresholds.enterpriseEmployees,
              },
              { field: 'qualification.score', op: 'gte', value: 50 },
            ],
          },
        },
        {
          id: 'hot',
          label: 'Hot',
          group: {
            mode: 'all',
            clauses: [{ field: 'qualification.score', op: 'gte', value: thresholds.hot }],
          },
        },
        {
          id: 'us',
          label: 'North America',
          group: {
            mode: 'any',
            clauses: [
              { field: 'lead.customFields.country', op: 'in', value: ['US', 'CA'] },
              { field: 'context.utm.source', op: 'eq', value: 'us-ads' },
            ],
          },
        },
      ],
    }),
    node('ent-hours', 'business_hours', { scheduleId: SCHEDULES.berlin }),
    node('ent-wait-open', 'delay', { untilScheduleOpen: SCHEDULES.berlin }),
    node('assign-ent', 'assign', {
      strategy: 'match',
      teamId: TEAMS.ent,
      territoryField: 'lead.customFields.country',
      respectSchedules: true,
    }),
    node('email-ent', 'notify', {
      channel: 'email',
      to: 'owner',
      subject: 'Enterprise lead: {{lead.name}} ({{lead.company}})',
      body: 'Hi {{owner.name}}, {{lead.name}} wrote: {{lead.message}}. Score {{qualification.score}}.',
    }),
    node('wait-ent', 'wait_for_contact', sla(30, SCHEDULES.berlin)),
    node('hot-hours', 'business_hours', { scheduleId: SCHEDULES.berlin }),
    node('auto-reply', 'notify', {
      channel: 'email',
      to: 'lead',
      subject: 'Thanks, {{lead.name}}',
      body: 'Hi {{lead.name}}, we are closed now and will call you when we open.',
    }),
    node('hot-wait-open', 'delay', { untilScheduleOpen: SCHEDULES.berlin }),
    node('assign-hot', 'assign', { strategy: 'round_robin', teamId: TEAMS.hot }),
    node('alert-hot', 'notify', {
      channel: 'in_app',
      to: 'owner',
      body: 'Hot lead: {{lead.name}} ({{lead.company}}) scored {{qualification.score}}.',
    }),
    node('alert-manager', 'notify', {
      channel: 'in_app',
      to: 'manager',
      body: 'Nobody is free for {{lead.name}}; please take it.',
    }),
    node('wait-hot', 'wait_for_contact', sla(15, SCHEDULES.berlin)),
    node('escalate', 'escalate', {
      maxRounds: 2,
      reassign: true,
      notifyManager: true,
      roundSla: { minutes: 15, mode: 'business', scheduleId: SCHEDULES.berlin },
    }),
    node('us-hours', 'business_hours', { scheduleId: SCHEDULES.ny }),
    node('us-later', 'delay', { minutes: 60 }),
    node('assign-us', 'assign', { strategy: 'least_loaded', teamId: TEAMS.us }),
    node('wait-us', 'wait_for_contact', sla(60, SCHEDULES.ny)),
    node('nurture-check', 'condition', {
      rules: [
        {
          id: 'reachable',
          label: 'Has an email',
          group: { mode: 'all', clauses: [{ field: 'lead.email', op: 'exists', value: true }] },
        },
      ],
    }),
    node('nurture-email', 'notify', {
      channel: 'email',
      to: 'lead',
      subject: 'Hello {{lead.name}}',
      body: 'Thanks for your interest in our product, {{lead.name}}.',
    }),
    node('assign-std', 'assign', { strategy: 'weighted', teamId: TEAMS.std }),
    node('wait-std', 'wait_for_contact', sla(240, SCHEDULES.always)),
    node('crm-sync', 'webhook', { method: 'POST', url: 'https://crm.example.com/leads' }),
    node('end-contacted', 'end', { outcome: 'contacted' }),
    node('end-unhandled', 'end', { outcome: 'unhandled' }),
    node('end-spam', 'end', { outcome: 'spam' }),
    node('end-disqualified', 'end', { outcome: 'disqualified' }),
  ];
  const edges: FlowEdge[] = [
    edge('trigger', 'next', 'qualify'),
    edge('qualify', 'next', 'spam-check'),
    edge('spam-check', 'spam', 'end-spam'),
    edge('spam-check', 'else', 'segment'),
    edge('segment', 'enterprise', 'ent-hours'),
    edge('segment', 'hot', 'hot-hours'),
    edge('segment', 'us', 'us-hours'),
    edge('segment', 'else', 'nurture-check'),
    edge('ent-hours', 'open', 'assign-ent'),
    edge('ent-hours', 'closed', 'ent-wait-open'),
    edge('ent-wait-open', 'next', 'assign-ent'),
    edge('assign-ent', 'assigned', 'email-ent'),
    edge('assign-ent', 'nobody', 'alert-manager'),
    edge('email-ent', 'next', 'wait-ent'),
    edge('wait-ent', 'contacted', 'end-contacted'),
    edge('wait-ent', 'breached', 'escalate'),
    edge('hot-hours', 'open', 'assign-hot'),
    edge('hot-hours', 'closed', 'auto-reply'),
    edge('auto-reply', 'next', 'hot-wait-open'),
    edge('hot-wait-open', 'next', 'assign-hot'),
    edge('assign-hot', 'assigned', 'alert-hot'),
    edge('assign-hot', 'nobody', 'alert-manager'),
    edge('alert-hot', 'next', 'wait-hot'),
    edge('alert-manager', 'next', 'wait-hot'),
    edge('wait-hot', 'contacted', 'end-contacted'),
    edge('wait-hot', 'breached', 'escalate'),
    edge('escalate', 'next', 'end-unhandled'),
    edge('us-hours', 'open', 'assign-us'),
    edge('us-hours', 'closed', 'us-later'),
    edge('us-later', 'next', 'assign-us'),
    edge('assign-us', 'assigned', 'wait-us'),
    edge('assign-us', 'nobody', 'alert-manager'),
    edge('wait-us', 'contacted', 'end-contacted'),
    edge('wait-us', 'breached', 'escalate'),
    edge('nurture-check', 'reachable', 'nurture-email'),
    edge('nurture-check', 'else', 'end-disqualified'),
    edge('nurture-email', 'next', 'assign-std'),
    edge('assign-std', 'assigned', 'wait-std'),
    edge('assign-std', 'nobody', 'crm-sync'),
    edge('wait-std', 'contacted', 'end-contacted'),
    edge('wait-std', 'breached', 'escalate'),
    edge('crm-sync', 'ok', 'end-unhandled'),
    edge('crm-sync', 'failed', 'end-unhandled'),
  ];
  return { nodes, edges };
}

/** Mulberry32: a tiny seeded generator, so the leads are the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'CA', 'NL', 'ES', 'IT'];

/** 40 people in four teams, some away, some at capacity, with territories and schedules. */
export function benchWorld(): BacktestWorld {
  const random = seeded(7);
  const teamIds = Object.values(TEAMS);
  const roster: RosterPerson[] = Array.from({ length: 40 }, (_, i) => ({
    id: `user-${i}`,
    name: `Person ${i}`,
    status: random() < 0.15 ? 'away' : 'available',
    capacity: random() < 0.3 ? 5 : null,
    openLeads: Math.floor(random() * 7),
    skills: [],
    territories: [COUNTRIES[i % COUNTRIES.length] as string],
    teamIds: [teamIds[i % teamIds.length] as string],
    scheduleId: i % 3 === 0 ? SCHEDULES.ny : SCHEDULES.berlin,
    weight: 1 + (i % 3),
  }));
  return {
    roster,
    schedules: benchSchedules,
    teams: teamIds.map((id, i) => ({ id, name: id, managerId: `user-${i}` })),
    cursors: {},
  };
}

/** `count` leads over a month, round the clock, with scores, sizes, countries and sources varied. */
export function benchLeads(count: number): BacktestLead[] {
  const random = seeded(42);
  const start = Date.parse('2026-03-02T00:00:00Z');
  const month = 30 * 24 * 3_600_000;
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = new Date(start + Math.floor(random() * month));
    const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)] as string;
    const hasEmail = random() > 0.1;
    return {
      id: `lead-${i}`,
      receivedAt,
      lead: {
        id: `lead-${i}`,
        name: `Lead ${i}`,
        email: hasEmail ? `lead${i}@${random() < 0.03 ? 'mailinator' : 'acme'}.com` : null,
        phone: null,
        company: `Company ${i % 500}`,
        message: 'We would like a quote.',
        customFields: { country, employees: Math.floor(random() * 2000) },
        receivedAt: receivedAt.toISOString(),
        source: { name: 'Website', slug: 'web' },
      },
      qualification: {
        score: Math.floor(random() * 101),
        spam: random() < 0.02,
        method: 'llm',
      },
      context: { utm: { source: random() < 0.2 ? 'us-ads' : 'organic' } },
    };
  });
}
