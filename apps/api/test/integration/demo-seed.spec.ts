import type { CurrentUser, HandoffMetrics, LeadAging } from '@baton/api-contract';
import { demoPeople, seedDemo } from '../../src/seed/demo-seed';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

describe('the demo seed: every demo person can sign in and try their role', () => {
  let t: ApiTestApp;
  const first = { password: 'demo-first-password-1', apiKey: 'bat_demo-first-key-0123456789' };
  const second = { password: 'demo-second-password-2', apiKey: 'bat_demo-second-key-012345678' };

  beforeAll(async () => {
    t = await startApiTestApp('demo-seed');
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('seeds an admin, a manager and reps, each signing in with the demo password as their role', async () => {
    await seedDemo(t.db.dataSource, first);
    expect(new Set(demoPeople.map((p) => p.role))).toEqual(new Set(['admin', 'manager', 'rep']));
    for (const person of demoPeople) {
      const res = await signIn(person.email, first.password);
      expect({ email: person.email, status: res.status }).toEqual({
        email: person.email,
        status: 200,
      });
      expect((res.body as CurrentUser).role).toBe(person.role);
    }
  });

  it('on a later start takes the password now in the credentials file, for everyone', async () => {
    await seedDemo(t.db.dataSource, second);
    for (const person of demoPeople) {
      expect((await signIn(person.email, second.password)).status).toBe(200);
      expect((await signIn(person.email, first.password)).status).toBe(401);
    }
    // Seeded once: no second team or flow.
    const [counts]: { teams: number; flows: number }[] = await t.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM teams) AS teams, (SELECT count(*)::int FROM flows) AS flows`,
    );
    expect(counts).toEqual({ teams: 1, flows: 1 });
  });

  describe('sample history: a month of leads so the dashboard has something to show', () => {
    const admin = () => t.signIn(demoPeople[0]?.email ?? '', second.password);
    const counts = async () => {
      const [row]: { leads: number; events: number; real: number }[] = await t.db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM leads WHERE sample) AS leads,
                  (SELECT count(*)::int FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.sample) AS events,
                  (SELECT count(*)::int FROM leads WHERE NOT sample) AS real`,
      );
      return row;
    };

    it('spreads a few hundred sample leads over 30 days, mostly in office hours, with their events', async () => {
      const c = await counts();
      expect(c?.leads).toBeGreaterThanOrEqual(200);
      expect(c?.leads).toBeLessThanOrEqual(500);
      expect(c?.real).toBe(0);
      const [span]: { days: number; future: number; without_received: number; in_hours: number }[] =
        await t.db.dataSource.query(
          `SELECT extract(day FROM max(received_at) - min(received_at))::int AS days,
                  count(*) FILTER (WHERE received_at > now())::int AS future,
                  count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM lead_events e
                    WHERE e.lead_id = l.id AND e.type = 'received' AND e.occurred_at = l.received_at))::int AS without_received,
                  avg(CASE WHEN extract(isodow FROM received_at AT TIME ZONE 'Europe/London') <= 5
                    AND (received_at AT TIME ZONE 'Europe/London')::time BETWEEN '09:00' AND '17:30'
                    THEN 1 ELSE 0 END)::float8 AS in_hours
           FROM leads l WHERE sample`,
        );
      expect(span).toMatchObject({ future: 0, without_received: 0 });
      expect(span?.days).toBeGreaterThanOrEqual(27);
      // Mostly office hours, but enough evenings and weekends for the after-hours figures.
      expect(span?.in_hours).toBeGreaterThan(0.6);
      expect(span?.in_hours).toBeLessThan(0.9);
      const statuses: { status: string }[] = await t.db.dataSource.query(
        `SELECT DISTINCT status FROM leads WHERE sample ORDER BY status`,
      );
      expect(statuses.map((s) => s.status)).toEqual(
        expect.arrayContaining([
          'assigned',
          'booked',
          'contacted',
          'disqualified',
          'spam',
          'unhandled',
        ]),
      );
      const types: { type: string }[] = await t.db.dataSource.query(
        `SELECT DISTINCT e.type FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.sample`,
      );
      expect(types.map((e) => e.type)).toEqual(
        expect.arrayContaining([
          'received',
          'qualified',
          'routed',
          'assigned',
          'auto_replied',
          'reminded',
          'breached',
          'escalated',
          'contacted',
          'booked',
          'disqualified',
          'unhandled',
        ]),
      );
      // Columns agree with the events: a contact time is the contacted event's, never before arrival.
      const [mismatch]: { n: number }[] = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM leads l WHERE sample AND (
           first_contact_at < received_at OR assigned_at < received_at OR first_response_at > first_contact_at
           OR (first_contact_at IS NOT NULL) <> EXISTS (SELECT 1 FROM lead_events e
             WHERE e.lead_id = l.id AND e.type = 'contacted' AND e.occurred_at = l.first_contact_at))`,
      );
      expect(mismatch?.n).toBe(0);
      // Nothing was started, mailed or alerted.
      const [quiet]: { starts: number; alerts: number; started: number }[] =
        await t.db.dataSource.query(
          `SELECT (SELECT count(*)::int FROM workflow_starts) AS starts,
                  (SELECT count(*)::int FROM notifications) AS alerts,
                  (SELECT count(*)::int FROM leads WHERE workflow_started_at IS NOT NULL) AS started`,
        );
      expect(quiet).toEqual({ starts: 0, alerts: 0, started: 0 });
    });

    it('gives every dashboard figure something plausible to show', async () => {
      const { agent } = await admin();
      const res = await agent.get('/api/v1/metrics/handoff?groupBy=rep');
      expect(res.status).toBe(200);
      const m = res.body as HandoffMetrics;
      expect(m.total.leads).toBeGreaterThan(150);
      expect(m.total.speedToLead.count).toBeGreaterThan(100);
      expect(m.total.speedToLead.medianSeconds).toBeGreaterThan(60);
      expect(m.total.firstResponse.count).toBeGreaterThan(100);
      expect(m.total.timeToAssign.count).toBeGreaterThan(100);
      // Acknowledged before contact: a quicker figure than speed to lead, but not instant.
      expect(m.total.timeToAcknowledge.count).toBeGreaterThan(100);
      expect(m.total.timeToAcknowledge.medianSeconds).toBeGreaterThan(10);
      expect(m.total.timeToAcknowledge.medianSeconds).toBeLessThan(
        m.total.speedToLead.medianSeconds ?? Infinity,
      );
      expect(m.total.handoff.completionRate).toBeGreaterThan(0.6);
      expect(m.total.handoff.completionRate).toBeLessThan(1);
      expect(m.total.handoff.slaAttainment).toBeGreaterThan(0.3);
      expect(m.total.handoff.slaAttainment).toBeLessThan(0.95);
      const contactedBuckets = m.total.conversionByResponseTime.filter((b) => b.leads > 0);
      expect(contactedBuckets.length).toBeGreaterThanOrEqual(6);
      const rate = (key: string) =>
        m.total.conversionByResponseTime.find((b) => b.bucket === key)?.conversionRate ?? 0;
      expect(rate('under_1m')).toBeGreaterThan(rate('2h_24h'));
      expect(m.total.revenueLeak.duringHours.amount).toBeGreaterThan(0);
      expect(m.total.revenueLeak.afterHours.leads).toBeGreaterThan(0);
      expect(m.groups.map((g) => g.group.name)).toEqual(
        expect.arrayContaining(demoPeople.filter((p) => p.role === 'rep').map((p) => p.name)),
      );
      const aging = await agent.get('/api/v1/metrics/aging');
      expect(aging.status).toBe(200);
      expect((aging.body as LeadAging).total.waiting).toBeGreaterThan(0);
    });

    it('is written once: a later start adds nothing', async () => {
      const before = await counts();
      await seedDemo(t.db.dataSource, second);
      expect(await counts()).toEqual(before);
    });

    it('only an admin may remove it', async () => {
      for (const role of ['rep', 'manager'] as const) {
        const person = demoPeople.find((p) => p.role === role);
        const { agent, csrf } = await t.signIn(person?.email ?? '', second.password);
        expect((await agent.delete('/api/v1/demo-data').set('X-CSRF-Token', csrf)).status).toBe(
          403,
        );
        expect((await agent.get('/api/v1/demo-data')).status).toBe(403);
      }
      expect((await counts())?.leads).toBeGreaterThan(0);
    });

    it('removal takes the sample leads and their timelines, leaves real leads, and stays removed', async () => {
      const [source]: { id: string }[] = await t.db.dataSource.query(
        `SELECT id FROM sources WHERE slug = 'website'`,
      );
      const [real]: { id: string }[] = await t.db.dataSource.query(
        `INSERT INTO leads (source_id, name, received_at, status) VALUES ($1, 'Real Person', now(), 'new') RETURNING id`,
        [source?.id],
      );
      await t.db.dataSource.query(
        `INSERT INTO lead_events (lead_id, type, actor_type) VALUES ($1, 'received', 'source')`,
        [real?.id],
      );
      const before = await counts();
      const { agent, csrf } = await admin();
      expect((await agent.get('/api/v1/demo-data')).body).toEqual({ sampleLeads: before?.leads });

      const removed = await agent.delete('/api/v1/demo-data').set('X-CSRF-Token', csrf);
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ removedLeads: before?.leads });
      expect(await counts()).toEqual({ leads: 0, events: 0, real: 1 });
      const [kept]: { events: number }[] = await t.db.dataSource.query(
        `SELECT count(*)::int AS events FROM lead_events WHERE lead_id = $1`,
        [real?.id],
      );
      expect(kept?.events).toBe(1);
      expect((await agent.get('/api/v1/demo-data')).body).toEqual({ sampleLeads: 0 });

      // Idempotent, and audited once.
      const again = await agent.delete('/api/v1/demo-data').set('X-CSRF-Token', csrf);
      expect(again.body).toEqual({ removedLeads: 0 });
      const audits: { action: string; after: unknown }[] = await t.db.dataSource.query(
        `SELECT action, after FROM audit_log WHERE action = 'demo_data.remove'`,
      );
      expect(audits).toEqual([{ action: 'demo_data.remove', after: { sampleLeads: 0 } }]);

      // A restart does not bring it back.
      await seedDemo(t.db.dataSource, second);
      expect((await counts())?.leads).toBe(0);
    });
  });
});
