import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { hashPassword } from '@baton/api';
import { createDemoFlowGraph } from '@baton/flow';
import { expectEventually } from '@baton/testing';
import { seriousA11yViolations } from './support/accessibility';
import { artifactPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { publishFlowWithSource } from './support/published-flow';
import { type RunningStack, startStack } from './support/running-stack';
import { signIn } from './support/sign-in';

type Lead = {
  id: string;
  status: string;
  owner: { id: string } | null;
  timeline: { type: string }[];
};

// Triage in the inbox against the real stack: API, worker, Temporal dev server, PostgreSQL and
// Chromium. Bulk actions go lead by lead through the same workflow updates as the single ones.
describe('inbox triage: views, bulk actions and live arrivals', () => {
  let stack: RunningStack;
  let browser: Browser;
  const password = 'e2e-password-0123';
  const apiKey = 'bat_triage-e2e-key-0123456789';
  const people: Record<'manager' | 'a' | 'b' | 'closer', { id: string; email: string }> =
    {} as never;

  const session = async (email: string): Promise<{ agent: TestAgent; csrf: string }> => {
    const agent = request.agent(stack.baseUrl);
    const res = await agent.post('/api/v1/auth/login').send({ email, password }).expect(200);
    const csrf = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => /^baton_csrf=([^;]+)/.exec(c)?.[1])
      .find(Boolean) as string;
    return { agent, csrf };
  };
  const sendLead = async (name: string): Promise<string> => {
    const res = await request(stack.baseUrl)
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({
        contact: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` },
        message: 'We need 40 seats and a quote this week',
      })
      .expect(202);
    return res.body.id as string;
  };
  const leadOf = async (agent: TestAgent, id: string): Promise<Lead> =>
    (await agent.get(`/api/v1/leads/${id}`).expect(200)).body as Lead;
  const untilAssigned = (agent: TestAgent, id: string) =>
    expectEventually(
      async () => {
        const lead = await leadOf(agent, id);
        expect(lead.owner).not.toBeNull();
        expect(lead.timeline.map((e) => e.type)).toContain('assigned');
        return lead;
      },
      { timeoutMs: 60_000, intervalMs: 300 },
    );

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../web/dist/index.html'))) {
      throw new Error('apps/web/dist is missing: build the web app first (npx nx run web:build)');
    }
    stack = await startStack('triage');
    const ds = stack.db.dataSource;
    const hash = await hashPassword(password);
    for (const [key, role, name, status] of [
      ['manager', 'manager', 'Mona Manager', 'available'],
      ['a', 'rep', 'Avery Rep', 'available'],
      ['b', 'rep', 'Blake Rep', 'available'],
      // Away, so the flow never picks her: leads reach her only by bulk assignment.
      ['closer', 'rep', 'Carla Closer', 'away'],
    ] as const) {
      const email = `${key}@triage.example`;
      const [row] = await ds.query(
        `INSERT INTO users (email, name, role, password_hash, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [email, name, role, hash, status],
      );
      people[key] = { id: row.id, email };
    }
    const always = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
        d,
        [{ start: '00:00', end: '24:00' }],
      ]),
    );
    const [schedule] = await ds.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('always', 'UTC', $1) RETURNING id`,
      [JSON.stringify(always)],
    );
    const [team] = await ds.query(
      `INSERT INTO teams (name, manager_id, schedule_id) VALUES ('Sales', $1, $2) RETURNING id`,
      [people.manager.id, schedule.id],
    );
    await ds.query(
      `INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3), ($1, $4)`,
      [team.id, people.a.id, people.b.id, people.closer.id],
    );
    await publishFlowWithSource(
      ds,
      createDemoFlowGraph({ teamId: team.id, scheduleId: schedule.id }),
      { slug: 'site', apiKey },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('bulk-assigns and bulk-disqualifies through the workflows, once per Idempotency-Key, with per-lead results', async () => {
    const manager = await session(people.manager.email);
    const ids = [
      await sendLead('Ida Bulk'),
      await sendLead('Ivan Bulk'),
      await sendLead('Iris Spam'),
    ];
    for (const id of ids) await untilAssigned(manager.agent, id);
    const [ida, ivan, iris] = ids as [string, string, string];
    const missing = '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60';

    const assign = () =>
      manager.agent
        .post('/api/v1/leads/bulk/assign')
        .set('X-CSRF-Token', manager.csrf)
        .set('Idempotency-Key', 'triage-1')
        .send({ leadIds: [ida, ivan, missing], toUserId: people.closer.id });
    const first = await assign().expect(200);
    expect(first.body.results).toEqual([
      { leadId: ida, ok: true, ownerId: people.closer.id, status: expect.any(String) },
      { leadId: ivan, ok: true, ownerId: people.closer.id, status: expect.any(String) },
      { leadId: missing, ok: false, httpStatus: 404, message: `Lead ${missing} does not exist` },
    ]);
    // A retry with the same key is the same actions: no second reassignment on either lead.
    await assign().expect(200);
    for (const id of [ida, ivan]) {
      const lead = await leadOf(manager.agent, id);
      expect(lead.owner?.id).toBe(people.closer.id);
      expect(lead.timeline.filter((e) => e.type === 'reassigned')).toHaveLength(1);
    }

    // Reps may not assign, as with the single reassign.
    const rep = await session(people.a.email);
    await rep.agent
      .post('/api/v1/leads/bulk/assign')
      .set('X-CSRF-Token', rep.csrf)
      .send({ leadIds: [ida], toUserId: people.a.id })
      .expect(403);

    const spam = await manager.agent
      .post('/api/v1/leads/bulk/disqualify')
      .set('X-CSRF-Token', manager.csrf)
      .send({ leadIds: [iris] })
      .expect(200);
    expect(spam.body.results).toEqual([
      { leadId: iris, ok: true, ownerId: expect.anything(), status: expect.any(String) },
    ]);
    const spamLead = await leadOf(manager.agent, iris);
    expect(spamLead.status).toBe('spam');
    const spamView = await manager.agent.get('/api/v1/leads?view=spam').expect(200);
    expect(spamView.body.items.map((l: { id: string }) => l.id)).toEqual([iris]);
    const all = await manager.agent.get('/api/v1/leads').expect(200);
    expect(all.body.items.map((l: { id: string }) => l.id)).not.toContain(iris);
    // Disqualified, the lead is closed: a second try is refused and says so.
    const again = await manager.agent
      .post('/api/v1/leads/bulk/disqualify')
      .set('X-CSRF-Token', manager.csrf)
      .send({ leadIds: [iris] })
      .expect(200);
    expect(again.body.results[0]).toMatchObject({ ok: false, httpStatus: 409 });
  }, 180_000);

  it('a manager switches views, bulk-assigns two leads in the browser and sees a new lead arrive live', async () => {
    const manager = await session(people.manager.email);
    const ids = [await sendLead('Uma Unsorted'), await sendLead('Otto Overflow')];
    for (const id of ids) await untilAssigned(manager.agent, id);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, stack.baseUrl, people.manager.email, password);
    const rows = page.getByTestId('lead-row');
    await rows.filter({ hasText: 'Uma Unsorted' }).waitFor({ timeout: 15_000 });

    // The Spam tab holds the lead set aside earlier, and only that one.
    await page.getByRole('tab', { name: /^Spam/ }).click();
    await page.waitForURL('**/leads?view=spam');
    await rows.filter({ hasText: 'Iris Spam' }).waitFor();
    expect(await rows.count()).toBe(1);
    await page.getByRole('tab', { name: /^All/ }).click();
    await rows.filter({ hasText: 'Uma Unsorted' }).waitFor();
    expect(await rows.filter({ hasText: 'Iris Spam' }).count()).toBe(0);

    // Select two rows (the second with shift held extends nothing: they are adjacent) and assign.
    await rows.filter({ hasText: 'Uma Unsorted' }).getByRole('checkbox').check();
    await rows
      .filter({ hasText: 'Otto Overflow' })
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await page.getByText('2 selected').waitFor();
    await page.getByRole('combobox', { name: 'Assign to' }).selectOption({ label: 'Carla Closer' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const outcome = page.getByTestId('bulk-outcome');
    await outcome.getByText('2 of 2 leads assigned.').waitFor({ timeout: 30_000 });
    await rows
      .filter({ hasText: 'Uma Unsorted' })
      .getByText('Carla Closer')
      .waitFor({ timeout: 15_000 });
    for (const id of ids)
      expect((await leadOf(manager.agent, id)).owner?.id).toBe(people.closer.id);

    // A new lead appears at the top by itself, its SLA countdown ticking.
    const total = page.getByTestId('inbox-total');
    const before = Number((await total.textContent())?.split(' ')[0]);
    await sendLead('Nina Newcomer');
    await rows.first().filter({ hasText: 'Nina Newcomer' }).waitFor({ timeout: 30_000 });
    await expectEventually(async () =>
      expect(Number((await total.textContent())?.split(' ')[0])).toBe(before + 1),
    );
    await rows.first().locator('.sla').filter({ hasText: /left$/ }).waitFor({ timeout: 60_000 });

    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('inbox-triage.png'), fullPage: true });
    await page.close();
  }, 180_000);
});
