import type TestAgent from 'supertest/lib/agent';
import { MetricsClock } from '../../src/metrics/metrics-clock';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import {
  seedSource,
  seedTeam,
  seedUser,
  type TestSource,
  type TestUser,
} from '../support/seed-test-data';

// Every figure below is worked out by hand from this table of leads.
//
// The window under test is Mon 2026-03-02 00:00Z .. Mon 2026-03-09 00:00Z (half-open). The default
// schedule is Mon-Fri 09:00-17:00 UTC; average deal value 1000. "Now" is pinned to
// 2026-03-09T03:00:30Z for the aging figures, the default window and the gauges.
//
// lead  received (UTC)          resp   assign  contact  sla_due  status        owner team src  note
// L1    Mon 03-02 10:00         10     5       30       +900     booked        R1    T1   S1
// L2    Mon 03-02 11:00         20     10      60       +900     booked        R1    T1   S1   60 s: 1-5 min
// L3    Mon 03-02 12:00         240    30      240      +900     contacted     R2    T2   S1
// L4    Tue 03-03 10:00         60     60      600      +300     contacted     R2    T2   S2   late (own SLA)
// L5    Tue 03-03 13:00         3600   120     3600     -        booked        R1    T1   S2   60 min exactly
// L6    Wed 03-04 09:30         10800  300     10800    -        contacted     R2    T2   S1
// L7    Thu 03-05 10:00         600    600     90000    +900     contacted     R1    T1   S2
// L8    Sat 03-07 10:00         5      20      -        +900     assigned      R1    T1   S1   after hours
// L9    Fri 03-06 20:00         -      -       -        -        unhandled     -     T2   S2   after hours, unhandled event
// L10   Fri 03-06 17:00         -      -       -        -        new           -     -    S1   17:00 = closed; nobody event
// L11   Fri 03-06 15:00         -      -       -        -        new           -     -    S1   still in flow: not routed
// L12   Mon 03-02 10:30         -      -       -        -        spam          -     -    S1   spam: never counted
// L13   Sun 03-01 23:59:59      10     5       20       -        booked        R1    T1   S1   before the window
// L14   Mon 03-09 00:00:00      -      -       -        +900     new           -     -    S2   = to: outside the window
// L15   Wed 03-04 11:00         -      -       -        -        disqualified  -     -    S2   not routed
// L16   now − 7200 s            -      -       -        -        new           -     -    S1   aging: exactly 2 h
// L17   now − 60 s              -      -       -        -        routed        -     -    S1   aging: exactly 1 min
// L18   now − 59 s              -      -       -        -        new           -     -    S1   aging: <1 min
//
// Acknowledged (first claim or the owner's acknowledge), seconds after received: L1 3, L2 8, L3 20,
// L4 45, L7 400, L8 15 (claimed, never contacted), L13 2 (before the window).

const NOW = new Date('2026-03-09T03:00:30Z');
const WINDOW = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z';

interface SeedLead {
  name: string;
  received: string;
  status: string;
  source: 'S1' | 'S2';
  owner?: 'R1' | 'R2';
  team?: 'T1' | 'T2';
  /** Seconds after received. */
  response?: number;
  assign?: number;
  contact?: number;
  slaDue?: number;
  ack?: number;
  events?: { type: string; data: Record<string, unknown> }[];
}

const at = (iso: string) => new Date(iso).toISOString();
const beforeNow = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

// prettier-ignore
const LEADS: SeedLead[] = [
  { name: 'L1', received: at('2026-03-02T10:00:00Z'), response: 10, assign: 5, contact: 30, slaDue: 900, ack: 3, status: 'booked', owner: 'R1', team: 'T1', source: 'S1' },
  { name: 'L2', received: at('2026-03-02T11:00:00Z'), response: 20, assign: 10, contact: 60, slaDue: 900, ack: 8, status: 'booked', owner: 'R1', team: 'T1', source: 'S1' },
  { name: 'L3', received: at('2026-03-02T12:00:00Z'), response: 240, assign: 30, contact: 240, slaDue: 900, ack: 20, status: 'contacted', owner: 'R2', team: 'T2', source: 'S1' },
  { name: 'L4', received: at('2026-03-03T10:00:00Z'), response: 60, assign: 60, contact: 600, slaDue: 300, ack: 45, status: 'contacted', owner: 'R2', team: 'T2', source: 'S2' },
  { name: 'L5', received: at('2026-03-03T13:00:00Z'), response: 3600, assign: 120, contact: 3600, status: 'booked', owner: 'R1', team: 'T1', source: 'S2' },
  { name: 'L6', received: at('2026-03-04T09:30:00Z'), response: 10800, assign: 300, contact: 10800, status: 'contacted', owner: 'R2', team: 'T2', source: 'S1' },
  { name: 'L7', received: at('2026-03-05T10:00:00Z'), response: 600, assign: 600, contact: 90000, slaDue: 900, ack: 400, status: 'contacted', owner: 'R1', team: 'T1', source: 'S2' },
  { name: 'L8', received: at('2026-03-07T10:00:00Z'), response: 5, assign: 20, slaDue: 900, ack: 15, status: 'assigned', owner: 'R1', team: 'T1', source: 'S1' },
  { name: 'L9', received: at('2026-03-06T20:00:00Z'), status: 'unhandled', team: 'T2', source: 'S2', events: [{ type: 'unhandled', data: { recipient: 'manager' } }] },
  { name: 'L10', received: at('2026-03-06T17:00:00Z'), status: 'new', source: 'S1', events: [{ type: 'routed', data: { handle: 'nobody', nodeId: 'assign-1' } }] },
  { name: 'L11', received: at('2026-03-06T15:00:00Z'), status: 'new', source: 'S1', events: [{ type: 'routed', data: { handle: 'open', nodeId: 'hours-1' } }] },
  { name: 'L12', received: at('2026-03-02T10:30:00Z'), status: 'spam', source: 'S1' },
  { name: 'L13', received: at('2026-03-01T23:59:59Z'), response: 10, assign: 5, contact: 20, ack: 2, status: 'booked', owner: 'R1', team: 'T1', source: 'S1' },
  { name: 'L14', received: at('2026-03-09T00:00:00Z'), slaDue: 900, status: 'new', source: 'S2' },
  { name: 'L15', received: at('2026-03-04T11:00:00Z'), status: 'disqualified', source: 'S2' },
  { name: 'L16', received: beforeNow(7200), status: 'new', source: 'S1' },
  { name: 'L17', received: beforeNow(60), status: 'routed', source: 'S1' },
  { name: 'L18', received: beforeNow(59), status: 'new', source: 'S1' },
];

const buckets = (counts: Record<string, [number, number]>) =>
  ['under_1m', '1m_5m', '5m_30m', '30m_2h', '2h_24h', 'over_24h', 'never'].map((bucket) => {
    const [leads, converted] = counts[bucket] ?? [0, 0];
    return { bucket, leads, converted, conversionRate: leads ? converted / leads : null };
  });

const EXPECTED_TOTAL = {
  leads: 12, // L1-L11 and L15
  // contact durations 30, 60, 240, 600, 3600, 10800, 90000
  speedToLead: { count: 7, medianSeconds: 600, p90Seconds: 42480, averageSeconds: 15047.143 },
  // response durations 5, 10, 20, 60, 240, 600, 3600, 10800
  firstResponse: { count: 8, medianSeconds: 150, p90Seconds: 5760, averageSeconds: 1916.875 },
  // assign durations 5, 10, 20, 30, 60, 120, 300, 600
  timeToAssign: { count: 8, medianSeconds: 45, p90Seconds: 390, averageSeconds: 143.125 },
  // acknowledge durations 3, 8, 15, 20, 45, 400
  timeToAcknowledge: { count: 6, medianSeconds: 17.5, p90Seconds: 222.5, averageSeconds: 81.833 },
  // routed: L1-L8 (owner), L9 (unhandled), L10 (nobody); within 15 min SLA: L1, L2, L3
  handoff: {
    routed: 10,
    contacted: 7,
    contactedWithinSla: 3,
    completionRate: 0.7,
    slaAttainment: 0.3,
  },
  conversionByResponseTime: buckets({
    under_1m: [1, 1],
    '1m_5m': [2, 1],
    '5m_30m': [1, 0],
    '30m_2h': [1, 1],
    '2h_24h': [1, 0],
    over_24h: [1, 0],
    never: [3, 0],
  }),
  revenueLeak: {
    averageDealValue: 1000,
    referenceBucket: 'under_1m',
    referenceConversionRate: 1,
    // L2 500 + L3 500 + L4 1000 + L5 0 + L6 1000 + L7 1000
    duringHours: { leads: 6, amount: 4000 },
    // L8 (Saturday), L9 (20:00), L10 (17:00 sharp): 1000 each
    afterHours: { leads: 3, amount: 3000 },
  },
};

const EXPECTED_R1 = {
  leads: 5, // L1, L2, L5, L7, L8
  speedToLead: { count: 4, medianSeconds: 1830, p90Seconds: 64080, averageSeconds: 23422.5 },
  firstResponse: { count: 5, medianSeconds: 20, p90Seconds: 2400, averageSeconds: 847 },
  timeToAssign: { count: 5, medianSeconds: 20, p90Seconds: 408, averageSeconds: 151 },
  // acknowledge durations 3, 8, 15, 400
  timeToAcknowledge: { count: 4, medianSeconds: 11.5, p90Seconds: 284.5, averageSeconds: 106.5 },
  handoff: {
    routed: 5,
    contacted: 4,
    contactedWithinSla: 2,
    completionRate: 0.8,
    slaAttainment: 0.4,
  },
  conversionByResponseTime: buckets({
    under_1m: [1, 1],
    '1m_5m': [1, 1],
    '30m_2h': [1, 1],
    over_24h: [1, 0],
    never: [1, 0],
  }),
  revenueLeak: {
    averageDealValue: 1000,
    referenceBucket: 'under_1m',
    referenceConversionRate: 1,
    duringHours: { leads: 3, amount: 1000 }, // L2 0, L5 0, L7 1000
    afterHours: { leads: 1, amount: 1000 }, // L8
  },
};

const SCRAPE_TOKEN = 'scrape-secret-0123456789';

describe('speed-to-lead metrics', () => {
  let t: ApiTestApp;
  const users: Record<'manager' | 'admin' | 'R1' | 'R2', TestUser> = {} as never;
  const sources: Record<'S1' | 'S2', TestSource> = {} as never;
  const teams: Record<'T1' | 'T2', string> = {} as never;
  const leadIds: Record<string, string> = {};

  const signIn = async (who: keyof typeof users): Promise<TestAgent> =>
    (await t.signIn(users[who].email, users[who].password)).agent;

  beforeAll(async () => {
    t = await startApiTestApp('metrics', { METRICS_TOKEN: SCRAPE_TOKEN });
    jest.spyOn(t.app.get(MetricsClock), 'now').mockImplementation(() => new Date(NOW));
    const db = t.db.dataSource;
    users.manager = await seedUser(db, 'manager', 'Mia Manager');
    users.admin = await seedUser(db, 'admin', 'Alex Admin');
    users.R1 = await seedUser(db, 'rep', 'Ada Rep');
    users.R2 = await seedUser(db, 'rep', 'Bob Rep');
    sources.S1 = await seedSource(db);
    sources.S2 = await seedSource(db);
    teams.T1 = await seedTeam(db, users.manager.id, [users.R1.id]);
    teams.T2 = await seedTeam(db, users.manager.id, [users.R2.id]);

    const weekday = [{ start: '09:00', end: '17:00' }];
    const [schedule] = await db.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('Office hours', 'UTC', $1) RETURNING id`,
      [JSON.stringify({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday })],
    );
    await db.query(
      `INSERT INTO settings (key, value) VALUES ('defaultScheduleId', to_jsonb($1::text)), ('metrics.averageDealValue', '1000')`,
      [schedule.id],
    );

    const plus = (iso: string, seconds?: number) =>
      seconds === undefined ? null : new Date(Date.parse(iso) + seconds * 1000).toISOString();
    for (const l of LEADS) {
      const [row] = await db.query(
        `INSERT INTO leads (source_id, name, received_at, status, owner_id, team_id, first_response_at, assigned_at, first_contact_at, sla_due_at, acknowledged_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          sources[l.source].id,
          l.name,
          l.received,
          l.status,
          l.owner ? users[l.owner].id : null,
          l.team ? teams[l.team] : null,
          plus(l.received, l.response),
          plus(l.received, l.assign),
          plus(l.received, l.contact),
          plus(l.received, l.slaDue),
          plus(l.received, l.ack),
        ],
      );
      leadIds[l.name] = row.id;
      for (const [i, e] of (l.events ?? []).entries()) {
        await db.query(
          `INSERT INTO lead_events (lead_id, type, step_id, actor_type, data, occurred_at) VALUES ($1, $2, $3, 'system', $4, $5)`,
          [row.id, e.type, `node-${i}#1`, e.data, plus(l.received, 1)],
        );
      }
    }
    // Two leads whose workflow has not started yet (not due: the dispatcher leaves them alone).
    await db.query(
      `INSERT INTO workflow_starts (lead_id, created_at, next_attempt_at) VALUES ($1, $3, '2100-01-01'), ($2, $4, '2100-01-01')`,
      [leadIds['L16'], leadIds['L17'], beforeNow(120), beforeNow(30)],
    );
  });
  afterAll(() => t.close());

  describe('GET /api/v1/metrics/handoff', () => {
    it('computes every definition over the window, for a manager', async () => {
      const agent = await signIn('manager');
      const res = await agent.get(`/api/v1/metrics/handoff?${WINDOW}`).expect(200);
      expect(res.body).toEqual({
        window: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
        groupBy: 'none',
        filters: { teamId: null, sourceId: null, ownerId: null },
        defaultSlaMinutes: 15,
        afterHoursSchedule: { id: expect.any(String), name: 'Office hours', timeZone: 'UTC' },
        total: EXPECTED_TOTAL,
        groups: [],
      });
    });

    it('applies the default SLA only to leads without a deadline, inclusive', async () => {
      const agent = await signIn('manager');
      // 60 min: L5 (contacted after exactly 3600 s, no sla_due_at) is now in; L4 keeps its own 5 min.
      const res = await agent
        .get(`/api/v1/metrics/handoff?${WINDOW}&defaultSlaMinutes=60`)
        .expect(200);
      expect(res.body.total.handoff).toEqual({
        routed: 10,
        contacted: 7,
        contactedWithinSla: 4,
        completionRate: 0.7,
        slaAttainment: 0.4,
      });
    });

    it('groups by rep, with unassigned leads last', async () => {
      const agent = await signIn('manager');
      const res = await agent.get(`/api/v1/metrics/handoff?${WINDOW}&groupBy=rep`).expect(200);
      expect(res.body.total).toEqual(EXPECTED_TOTAL);
      expect(res.body.groups.map((g: { group: unknown }) => g.group)).toEqual([
        { id: users.R1.id, name: 'Ada Rep' },
        { id: users.R2.id, name: 'Bob Rep' },
        { id: null, name: 'Unassigned' },
      ]);
      const [r1, r2, unassigned] = res.body.groups;
      expect(r1).toEqual({ group: { id: users.R1.id, name: 'Ada Rep' }, ...EXPECTED_R1 });
      expect(r2.speedToLead).toEqual({
        count: 3,
        medianSeconds: 600,
        p90Seconds: 8760,
        averageSeconds: 3880,
      });
      expect(r2.timeToAcknowledge).toEqual({
        count: 2,
        medianSeconds: 32.5,
        p90Seconds: 42.5,
        averageSeconds: 32.5,
      });
      expect(r2.handoff).toEqual({
        routed: 3,
        contacted: 3,
        contactedWithinSla: 1,
        completionRate: 1,
        slaAttainment: 1 / 3,
      });
      // Nobody converted: the fastest bucket (1-5 min) is the reference at rate 0, so no amount.
      expect(r2.revenueLeak).toMatchObject({
        referenceBucket: '1m_5m',
        referenceConversionRate: 0,
        duringHours: { leads: 2, amount: 0 },
        afterHours: { leads: 0, amount: 0 },
      });
      // L9, L10, L11, L15: two routed, never contacted; no reference bucket at all.
      expect(unassigned).toMatchObject({
        leads: 4,
        speedToLead: { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null },
        handoff: {
          routed: 2,
          contacted: 0,
          contactedWithinSla: 0,
          completionRate: 0,
          slaAttainment: 0,
        },
        revenueLeak: {
          referenceBucket: null,
          referenceConversionRate: null,
          duringHours: { leads: 0, amount: 0 },
          afterHours: { leads: 2, amount: 0 },
        },
      });
    });

    it('groups by team and by source, and filters by team and source', async () => {
      const agent = await signIn('admin');
      const byTeam = await agent.get(`/api/v1/metrics/handoff?${WINDOW}&groupBy=team`).expect(200);
      const teamLeads = Object.fromEntries(
        byTeam.body.groups.map((g: { group: { id: string | null }; leads: number }) => [
          g.group.id,
          g.leads,
        ]),
      );
      expect(teamLeads).toEqual({ [teams.T1]: 5, [teams.T2]: 4, null: 3 });
      expect(byTeam.body.groups[2].group).toEqual({ id: null, name: 'No team' });

      const bySource = await agent
        .get(`/api/v1/metrics/handoff?${WINDOW}&groupBy=source`)
        .expect(200);
      expect(
        Object.fromEntries(
          bySource.body.groups.map((g: { group: { id: string }; leads: number }) => [
            g.group.id,
            g.leads,
          ]),
        ),
      ).toEqual({ [sources.S1.id]: 7, [sources.S2.id]: 5 });

      const t2 = await agent
        .get(`/api/v1/metrics/handoff?${WINDOW}&teamId=${teams.T2}`)
        .expect(200);
      expect(t2.body.filters).toEqual({ teamId: teams.T2, sourceId: null, ownerId: null });
      expect(t2.body.total.leads).toBe(4);
      expect(t2.body.total.handoff.routed).toBe(4);
      const s2 = await agent
        .get(`/api/v1/metrics/handoff?${WINDOW}&sourceId=${sources.S2.id}`)
        .expect(200);
      expect(s2.body.total.leads).toBe(5);
    });

    it('defaults to the last 30 days', async () => {
      const agent = await signIn('manager');
      const res = await agent.get('/api/v1/metrics/handoff').expect(200);
      expect(res.body.window).toEqual({
        from: '2026-02-07T03:00:30.000Z',
        to: '2026-03-09T03:00:30.000Z',
      });
      expect(res.body.total.leads).toBe(17); // the 12 above plus L13, L14, L16, L17, L18
    });

    it('gives a rep only their own figures, whatever they ask for', async () => {
      const agent = await signIn('R1');
      const own = await agent.get(`/api/v1/metrics/handoff?${WINDOW}`).expect(200);
      expect(own.body.filters).toEqual({ teamId: null, sourceId: null, ownerId: users.R1.id });
      expect(own.body.total).toEqual(EXPECTED_R1);

      const grouped = await agent.get(`/api/v1/metrics/handoff?${WINDOW}&groupBy=rep`).expect(200);
      expect(grouped.body.groups.map((g: { group: unknown }) => g.group)).toEqual([
        { id: users.R1.id, name: 'Ada Rep' },
      ]);
      const otherTeam = await agent
        .get(`/api/v1/metrics/handoff?${WINDOW}&teamId=${teams.T2}`)
        .expect(200);
      expect(otherTeam.body.total.leads).toBe(0);
      expect(otherTeam.body.total.speedToLead.medianSeconds).toBeNull();
    });

    it('accepts a window of exactly 366 days', async () => {
      const agent = await signIn('manager');
      await agent
        .get('/api/v1/metrics/handoff?from=2025-03-08T00:00:00Z&to=2026-03-09T00:00:00Z')
        .expect(200);
    });

    it.each([
      [
        'to before from',
        'from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z',
        'to',
        'to must be after from',
      ],
      [
        'an empty window',
        'from=2026-03-09T00:00:00Z&to=2026-03-09T00:00:00Z',
        'to',
        'to must be after from',
      ],
      [
        'a window over 366 days',
        'from=2025-03-07T23:59:59Z&to=2026-03-09T00:00:00Z',
        'from',
        'the window from..to may span at most 366 days',
      ],
      ['an unknown groupBy', 'groupBy=node', 'groupBy', undefined],
      ['a date without a time', 'from=2026-03-02', 'from', undefined],
      ['a malformed team id', 'teamId=42', 'teamId', 'teamId must be a team id (uuid)'],
      ['a default SLA of 0', 'defaultSlaMinutes=0', 'defaultSlaMinutes', undefined],
      ['an unknown parameter', 'ownerId=x', '', undefined],
    ])('rejects %s with a 400', async (_, query, path, message) => {
      const agent = await signIn('manager');
      const res = await agent.get(`/api/v1/metrics/handoff?${query}`).expect(400);
      expect(res.body.issues[0].path).toBe(path);
      if (message) expect(res.body.issues[0].message).toBe(message);
    });

    it('needs a session', async () => {
      await t.http().get('/api/v1/metrics/handoff').expect(401);
      await t.http().get('/api/v1/metrics/aging').expect(401);
    });
  });

  describe('GET /api/v1/metrics/aging', () => {
    const agingBuckets = (counts: Record<string, number>) =>
      ['under_1m', '1m_5m', '5m_30m', '30m_2h', '2h_24h', 'over_24h'].map((bucket) => ({
        bucket,
        leads: counts[bucket] ?? 0,
      }));

    it('ages the leads waiting for contact, with half-open buckets', async () => {
      const agent = await signIn('manager');
      const res = await agent.get('/api/v1/metrics/aging').expect(200);
      // Waiting: L8, L9, L10, L11, L14, L16, L17, L18; ages 147630, 198030, 208830, 216030,
      // 10830, 7200, 60, 59.
      expect(res.body).toEqual({
        asOf: NOW.toISOString(),
        groupBy: 'none',
        filters: { teamId: null, sourceId: null, ownerId: null },
        total: {
          waiting: 8,
          pastSla: 2, // L8 and L14
          oldestSeconds: 216030,
          medianSeconds: 79230,
          buckets: agingBuckets({ under_1m: 1, '1m_5m': 1, '2h_24h': 2, over_24h: 4 }),
        },
        groups: [],
      });
    });

    it('groups by team and restricts a rep to their own leads', async () => {
      const manager = await signIn('manager');
      const byTeam = await manager.get('/api/v1/metrics/aging?groupBy=team').expect(200);
      expect(
        Object.fromEntries(
          byTeam.body.groups.map((g: { group: { id: string | null }; waiting: number }) => [
            g.group.id,
            g.waiting,
          ]),
        ),
      ).toEqual({ [teams.T1]: 1, [teams.T2]: 1, null: 6 });

      const rep = await signIn('R1');
      const own = await rep.get('/api/v1/metrics/aging').expect(200);
      expect(own.body.filters.ownerId).toBe(users.R1.id);
      expect(own.body.total).toEqual({
        waiting: 1,
        pastSla: 1,
        oldestSeconds: 147630,
        medianSeconds: 147630,
        buckets: agingBuckets({ over_24h: 1 }),
      });
      await rep.get('/api/v1/metrics/aging?groupBy=flow').expect(400);
    });
  });

  describe('GET /metrics (Prometheus)', () => {
    const sample = (text: string, series: string): number | undefined => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    const scrape = () => t.http().get('/metrics').set('Authorization', `Bearer ${SCRAPE_TOKEN}`);

    it('exposes Node, HTTP and lead gauges to the scraper with the METRICS_TOKEN', async () => {
      const agent = await signIn('manager');
      await agent.get(`/api/v1/metrics/handoff?${WINDOW}`).expect(200);
      await t.http().get('/api/v1/metrics/handoff').expect(401);
      await t.http().get('/no/such/route').expect(404);

      const res = await scrape().expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.text;
      expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
      expect(text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
      expect(
        sample(
          text,
          'baton_http_requests_total{method="GET",route="/api/v1/metrics/handoff",status="200"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(
          text,
          'baton_http_requests_total{method="GET",route="/api/v1/metrics/handoff",status="401"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(text, 'baton_http_requests_total{method="GET",route="unmatched",status="404"}'),
      ).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain('/no/such/route');
      const seconds = sample(
        text,
        'baton_http_request_duration_seconds_sum{method="GET",route="/api/v1/metrics/handoff",status="200"}',
      );
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(60);
      expect(text).toContain(
        'baton_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/metrics/handoff",status="200"}',
      );

      expect(sample(text, 'baton_metrics_database_up')).toBe(1);
      expect(sample(text, 'baton_leads_awaiting_contact')).toBe(8);
      expect(sample(text, 'baton_leads_sla_breached')).toBe(2);
      expect(sample(text, 'baton_leads_oldest_awaiting_contact_seconds')).toBe(216030);
      expect(sample(text, 'baton_workflow_start_backlog')).toBe(2);
      expect(sample(text, 'baton_workflow_start_oldest_age_seconds')).toBe(120);
    });

    it('serves the gauges from a short cache between scrapes', async () => {
      const first = await scrape().expect(200);
      await t.db.dataSource.query(
        `UPDATE leads SET first_contact_at = $2, status = 'contacted' WHERE id = $1`,
        [leadIds['L18'], NOW.toISOString()],
      );
      try {
        const second = await scrape().expect(200);
        expect(sample(first.text, 'baton_leads_awaiting_contact')).toBe(8);
        expect(sample(second.text, 'baton_leads_awaiting_contact')).toBe(8);
      } finally {
        await t.db.dataSource.query(
          `UPDATE leads SET first_contact_at = NULL, status = 'new' WHERE id = $1`,
          [leadIds['L18']],
        );
      }
    });
  });

  it('documents the metrics routes in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const handoff = res.body.paths['/api/v1/metrics/handoff'].get;
    expect(handoff.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'groupBy', 'teamId', 'sourceId', 'defaultSlaMinutes']),
    );
    expect(Object.keys(handoff.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(res.body.paths['/api/v1/metrics/aging'].get).toBeDefined();
  });
});

describe('GET /metrics with METRICS_TOKEN set', () => {
  let t: ApiTestApp;
  beforeAll(async () => {
    t = await startApiTestApp('metrics_token', { METRICS_TOKEN: 'scrape-secret-0123456789' });
  });
  afterAll(() => t.close());

  it('wants the bearer token', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const res = await t
      .http()
      .get('/metrics')
      .set('Authorization', 'Bearer scrape-secret-0123456789')
      .expect(200);
    expect(res.text).toContain('baton_leads_awaiting_contact 0');
    expect(res.text).toContain('baton_workflow_start_backlog 0');
  });
});
