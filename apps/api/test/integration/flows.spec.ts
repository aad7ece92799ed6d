import type TestAgent from 'supertest/lib/agent';
import { createDemoFlowGraph, type FlowGraph } from '@baton/flow';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import {
  seedSource,
  seedTeam,
  seedUser,
  type TestSource,
  type TestUser,
} from '../support/seed-test-data';

interface Agent {
  agent: TestAgent;
  csrf: string;
}

const ALWAYS_OPEN = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
    d,
    [{ start: '00:00', end: '24:00' }],
  ]),
);

describe('flows API', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let manager: TestUser;
  let rep: TestUser;
  let rep2: TestUser;
  let teamId: string;
  let scheduleId: string;
  let as: Record<'admin' | 'manager' | 'rep', Agent>;
  let demo: FlowGraph;

  const db = () => t.db.dataSource;
  const write = (who: Agent, method: 'post' | 'put' | 'delete', url: string) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrf);
  const createFlow = async (body: Record<string, unknown>) =>
    (await write(as.manager, 'post', '/api/v1/flows').send(body).expect(201)).body;
  const publish = (id: string, who: Agent = as.manager) =>
    write(who, 'post', `/api/v1/flows/${id}/publish`);

  beforeAll(async () => {
    t = await startApiTestApp('flows');
    admin = await seedUser(db(), 'admin', 'Ada Admin');
    manager = await seedUser(db(), 'manager', 'Maya Manager');
    rep = await seedUser(db(), 'rep', 'Riley Rep');
    rep2 = await seedUser(db(), 'rep', 'Sam Rep');
    teamId = await seedTeam(db(), manager.id, [rep.id, rep2.id]);
    const [schedule] = await db().query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('Always open', 'UTC', $1) RETURNING id`,
      [JSON.stringify(ALWAYS_OPEN)],
    );
    scheduleId = schedule.id;
    demo = createDemoFlowGraph({ teamId, scheduleId });
    as = {
      admin: await t.signIn(admin.email, admin.password),
      manager: await t.signIn(manager.email, manager.password),
      rep: await t.signIn(rep.email, rep.password),
    };
  });
  afterAll(() => t.close());

  describe('catalogue', () => {
    it('gives any signed-in person the node palette with config JSON Schemas', async () => {
      const res = await as.rep.agent.get('/api/v1/flows/catalogue').expect(200);
      expect(res.body.map((n: { type: string }) => n.type)).toEqual(
        expect.arrayContaining(['trigger', 'condition', 'assign', 'wait_for_contact', 'end']),
      );
      const assign = res.body.find((n: { type: string }) => n.type === 'assign');
      expect(assign).toMatchObject({
        category: expect.any(String),
        handles: ['assigned', 'nobody'],
      });
      expect(assign.configJsonSchema.type).toBe('object');
      const condition = res.body.find((n: { type: string }) => n.type === 'condition');
      expect(condition.handles).toBeUndefined();
      await t.http().get('/api/v1/flows/catalogue').expect(401);
    });
  });

  describe('create, read, save the draft', () => {
    it('creates a flow with just a trigger, lists it and shows its draft to everyone', async () => {
      const created = await createFlow({ name: '  Website leads ', description: 'From the site' });
      expect(created).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Website leads',
        description: 'From the site',
        draftChanged: true,
        published: null,
        versionCount: 0,
        sources: [],
      });
      expect(created.draftGraph).toEqual({
        nodes: [
          {
            id: 'trigger',
            type: 'trigger',
            position: { x: 0, y: 0 },
            data: { config: { sources: [], forms: [] } },
            label: 'Trigger',
          },
        ],
        edges: [],
      });
      // A lone trigger cannot be published yet: its "next" exit goes nowhere.
      expect(created.problems.map((p: { code: string }) => p.code)).toContain('unconnected_handle');

      const list = await as.rep.agent.get('/api/v1/flows').expect(200);
      expect(list.body.items).toContainEqual({
        id: created.id,
        name: 'Website leads',
        description: 'From the site',
        publishedVersion: null,
        publishedAt: null,
        draftChanged: true,
        sourceCount: 0,
        archivedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const detail = await as.rep.agent.get(`/api/v1/flows/${created.id}`).expect(200);
      expect(detail.body.draftGraph).toEqual(created.draftGraph);
    });

    it('creates a flow from a given graph', async () => {
      const created = await createFlow({ name: 'Demo copy', graph: demo });
      expect(created.draftGraph).toEqual(demo);
      expect(created.problems).toEqual([]);
    });

    it('saves a draft, stripping canvas UI state, and allows a well-formed but invalid graph', async () => {
      const flow = await createFlow({ name: 'Draft only' });
      const graph = {
        nodes: [
          {
            id: 'trigger',
            type: 'trigger',
            position: { x: 10, y: 20 },
            data: { config: {}, collapsed: true },
            selected: true,
            measured: { width: 200, height: 80 },
            dragging: false,
          },
          {
            id: 'to-nowhere',
            type: 'assign',
            position: { x: 300, y: 20 },
            data: { config: { strategy: 'round_robin' } },
          },
        ],
        edges: [
          {
            id: 'e1',
            source: 'trigger',
            sourceHandle: 'next',
            target: 'to-nowhere',
            animated: true,
          },
        ],
      };
      const saved = await write(as.manager, 'put', `/api/v1/flows/${flow.id}`)
        .send({ name: 'Renamed', graph })
        .expect(200);
      expect(saved.body.name).toBe('Renamed');
      expect(saved.body.draftGraph).toEqual({
        nodes: [
          { id: 'trigger', type: 'trigger', position: { x: 10, y: 20 }, data: { config: {} } },
          {
            id: 'to-nowhere',
            type: 'assign',
            position: { x: 300, y: 20 },
            data: { config: { strategy: 'round_robin' } },
          },
        ],
        edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'to-nowhere' }],
      });
      expect(saved.body.problems.length).toBeGreaterThan(0);
      const [row] = await db().query(`SELECT draft_graph FROM flows WHERE id = $1`, [flow.id]);
      expect(row.draft_graph).toEqual(saved.body.draftGraph);

      const [audit] = await db().query(
        `SELECT action, before, after FROM audit_log WHERE entity_id = $1 AND action = 'flow.update'`,
        [flow.id],
      );
      expect(audit).toMatchObject({ before: { name: 'Draft only' }, after: { name: 'Renamed' } });
    });

    it('rejects a malformed graph, an empty update and bad ids with precise 400s, unknown flows with 404', async () => {
      const flow = await createFlow({ name: 'Strict' });
      const malformed = await write(as.manager, 'put', `/api/v1/flows/${flow.id}`)
        .send({
          graph: {
            nodes: [{ type: 'trigger', position: { x: 0, y: 0 }, data: { config: {} } }],
            edges: [],
          },
        })
        .expect(400);
      expect(malformed.body.issues).toContainEqual({
        path: 'graph.nodes.0.id',
        message: expect.any(String),
      });
      const empty = await write(as.manager, 'put', `/api/v1/flows/${flow.id}`).send({}).expect(400);
      expect(empty.body.message).toContain('send a name, a description or a graph');
      const bad = await as.manager.agent.get('/api/v1/flows/42').expect(400);
      expect(bad.body.message).toContain('id must be a flow id (uuid)');
      const missing = '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60';
      await as.manager.agent.get(`/api/v1/flows/${missing}`).expect(404);
      await write(as.manager, 'put', `/api/v1/flows/${missing}`).send({ name: 'x' }).expect(404);
      await publish(missing).expect(404);
    });

    it('answers 400, not 500, for a version number past what PostgreSQL stores', async () => {
      const flow = await createFlow({ name: 'Huge versions' });
      const tooLarge = '2147483648';
      for (const url of [
        `/api/v1/flows/${flow.id}/versions/${tooLarge}`,
        `/api/v1/flows/${flow.id}/versions/${tooLarge}/stats`,
        `/api/v1/flows/${flow.id}/export?version=${tooLarge}`,
      ]) {
        const res = await as.manager.agent.get(url).expect(400);
        expect(res.body.message).toContain('version is at most 2147483647');
      }
      await as.manager.agent.get(`/api/v1/flows/${flow.id}/versions/2147483647`).expect(404);
    });

    it('lets only admins and managers change flows', async () => {
      const flow = await createFlow({ name: 'Guarded', graph: demo });
      await write(as.rep, 'post', '/api/v1/flows').send({ name: 'Nope' }).expect(403);
      await write(as.rep, 'put', `/api/v1/flows/${flow.id}`).send({ name: 'Nope' }).expect(403);
      const forbidden = await publish(flow.id, as.rep).expect(403);
      expect(forbidden.body.message).toBe('This needs the role admin or manager');
      await write(as.rep, 'delete', `/api/v1/flows/${flow.id}`).expect(403);
      await write(as.rep, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({ lead: { name: 'A' } })
        .expect(403);
      await write(as.rep, 'post', '/api/v1/flows/import')
        .send({ kind: 'baton.flow', version: 1, name: 'x', graph: demo })
        .expect(403);
      await write(as.admin, 'put', `/api/v1/flows/${flow.id}`)
        .send({ description: 'by the admin' })
        .expect(200);
      // Reading stays open to reps.
      await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions`).expect(200);
      await as.rep.agent.get(`/api/v1/flows/${flow.id}/export`).expect(200);
    });
  });

  describe('publish', () => {
    it('answers 422 with every problem, located, when the draft does not validate', async () => {
      const broken = structuredClone(demo);
      broken.edges = broken.edges.filter((e) => e.id !== 'assign-rep.nobody->alert-manager');
      const assign = broken.nodes.find((n) => n.id === 'assign-standard');
      if (assign) assign.data.config['teamId'] = '00000000-0000-4000-8000-000000000001';
      const flow = await createFlow({ name: 'Broken', graph: broken });

      const res = await publish(flow.id).expect(422);
      expect(res.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'The flow has 2 problems',
        issues: expect.arrayContaining([
          { path: 'assign-standard.teamId', message: expect.stringContaining('does not exist') },
          { path: 'assign-rep', message: expect.stringContaining('nobody') },
        ]),
        problems: expect.arrayContaining([
          expect.objectContaining({
            code: 'unknown_reference',
            nodeId: 'assign-standard',
            field: 'teamId',
          }),
          expect.objectContaining({ code: 'unconnected_handle', nodeId: 'assign-rep' }),
        ]),
      });
      const [row] = await db().query(
        `SELECT published_version_id, (SELECT count(*)::int FROM flow_versions WHERE flow_id = $1) AS versions FROM flows WHERE id = $1`,
        [flow.id],
      );
      expect(row).toEqual({ published_version_id: null, versions: 0 });
    });

    it('freezes versions: v2 leaves v1 and the leads pinned to it untouched', async () => {
      const flow = await createFlow({ name: 'Inbound', graph: demo });
      const v1 = await publish(flow.id).expect(201);
      expect(v1.body).toEqual({
        id: expect.any(String),
        flowId: flow.id,
        version: 1,
        publishedAt: expect.any(String),
        publishedBy: { id: manager.id, name: 'Maya Manager' },
        note: null,
        current: true,
        graph: demo,
      });
      const [audit] = await db().query(
        `SELECT actor_id, before, after FROM audit_log WHERE action = 'flow.publish' AND entity_type = 'flow' AND entity_id = $1`,
        [flow.id],
      );
      expect(audit).toEqual({
        actor_id: manager.id,
        before: { publishedVersionId: null, version: null },
        after: { publishedVersionId: v1.body.id, version: 1 },
      });
      const afterV1 = await as.rep.agent.get(`/api/v1/flows/${flow.id}`).expect(200);
      expect(afterV1.body).toMatchObject({
        draftChanged: false,
        versionCount: 1,
        published: { version: 1, current: true },
      });

      // A source sends leads to the flow: intake pins them to the published version.
      const source = await seedSource(db());
      await db().query(`UPDATE sources SET flow_id = $1 WHERE id = $2`, [flow.id, source.id]);
      const first = await sendLead(source, 'Ada');

      const edited = structuredClone(demo);
      const wait = edited.nodes.find((n) => n.id === 'wait-for-contact');
      if (wait) wait.data.config['reminders'] = [5];
      await write(as.manager, 'put', `/api/v1/flows/${flow.id}`)
        .send({ graph: edited })
        .expect(200);
      const list = await as.rep.agent.get('/api/v1/flows').expect(200);
      expect(list.body.items.find((f: { id: string }) => f.id === flow.id)).toMatchObject({
        publishedVersion: 1,
        draftChanged: true,
        sourceCount: 1,
      });

      const v2 = await publish(flow.id, as.admin).expect(201);
      expect(v2.body).toMatchObject({
        version: 2,
        current: true,
        publishedBy: { id: admin.id, name: 'Ada Admin' },
        graph: edited,
      });
      const second = await sendLead(source, 'Grace');

      const v1Again = await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/1`).expect(200);
      expect(v1Again.body).toEqual({ ...v1.body, current: false });
      const pinned = await db().query(
        `SELECT l.id, v.version FROM leads l JOIN flow_versions v ON v.id = l.flow_version_id WHERE l.id = ANY($1)`,
        [[first, second]],
      );
      expect(
        Object.fromEntries(pinned.map((r: { id: string; version: number }) => [r.id, r.version])),
      ).toEqual({
        [first]: 1,
        [second]: 2,
      });

      const history = await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions`).expect(200);
      expect(history.body.items).toEqual([
        {
          id: v2.body.id,
          version: 2,
          publishedAt: expect.any(String),
          publishedBy: { id: admin.id, name: 'Ada Admin' },
          note: null,
          current: true,
        },
        {
          id: v1.body.id,
          version: 1,
          publishedAt: expect.any(String),
          publishedBy: { id: manager.id, name: 'Maya Manager' },
          note: null,
          current: false,
        },
      ]);
      await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/3`).expect(404);
      await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/zero`).expect(400);
    });

    async function sendLead(source: TestSource, name: string): Promise<string> {
      const res = await t
        .http()
        .post('/api/v1/leads')
        .set('Authorization', `Bearer ${source.apiKey}`)
        .send({ contact: { name, email: `${name.toLowerCase()}@example.com` } })
        .expect(202);
      return res.body.id;
    }
  });

  describe('delete', () => {
    it('deletes an unused, never-published flow', async () => {
      const flow = await createFlow({ name: 'Scratch' });
      await write(as.manager, 'delete', `/api/v1/flows/${flow.id}`).expect(204);
      await as.manager.agent.get(`/api/v1/flows/${flow.id}`).expect(404);
      const [audit] = await db().query(
        `SELECT action, before FROM audit_log WHERE entity_id = $1 AND action = 'flow.delete'`,
        [flow.id],
      );
      expect(audit.before).toEqual({ name: 'Scratch', description: '' });
    });

    it('answers 409 with the reason while a source points at it or it has published versions', async () => {
      const flow = await createFlow({ name: 'In use', graph: demo });
      const source = await seedSource(db());
      await db().query(`UPDATE sources SET flow_id = $1 WHERE id = $2`, [flow.id, source.id]);
      const used = await write(as.manager, 'delete', `/api/v1/flows/${flow.id}`).expect(409);
      expect(used.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `The flow "In use" cannot be deleted: the source "Source ${source.slug}" sends leads to it`,
      });

      await publish(flow.id).expect(201);
      await db().query(`UPDATE sources SET flow_id = NULL WHERE id = $1`, [source.id]);
      const published = await write(as.manager, 'delete', `/api/v1/flows/${flow.id}`).expect(409);
      expect(published.body.message).toBe(
        'The flow "In use" cannot be deleted: it has 1 published version that leads may be pinned to',
      );
      await as.manager.agent.get(`/api/v1/flows/${flow.id}`).expect(200);
    });
  });

  describe('simulate', () => {
    const hotLead = {
      lead: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        company: 'Engines Ltd',
        message: 'Need 40 seats',
      },
      qualification: { score: 85, summary: 'Ready to buy' },
      at: '2026-03-04T10:00:00Z',
    };

    it('walks the draft through the demo flow with the real roster, changing nothing', async () => {
      const flow = await createFlow({ name: 'Simulated', graph: demo });
      const count = async () =>
        (
          await db().query(
            `SELECT (SELECT count(*)::int FROM leads) AS leads, (SELECT count(*)::int FROM lead_events) AS events,
                    (SELECT count(*)::int FROM assignment_cursors) AS cursors, (SELECT count(*)::int FROM notifications) AS notes`,
          )
        )[0];
      const before = await count();

      const res = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send(hotLead)
        .expect(200);
      expect(
        res.body.path.map((s: { nodeId: string; handle: string | null }) => [s.nodeId, s.handle]),
      ).toEqual([
        ['trigger', 'next'],
        ['qualify', 'next'],
        ['hot-or-not', 'hot'],
        ['office-hours', 'open'],
        ['assign-rep', 'assigned'],
        ['alert-owner', 'next'],
        ['email-owner', 'next'],
        ['wait-for-contact', 'contacted'],
        ['end-contacted', null],
      ]);
      for (const step of res.body.path) expect(step.reason).toEqual(expect.any(String));
      expect(res.body.path[0].at).toBe('2026-03-04T10:00:00.000Z');
      expect(res.body.outcome).toEqual({
        kind: 'ended',
        outcome: 'contacted',
        nodeId: 'end-contacted',
        at: expect.any(String),
      });
      expect([rep.id, rep2.id]).toContain(res.body.owner.id);
      const assign = res.body.path.find((s: { nodeId: string }) => s.nodeId === 'assign-rep');
      expect(assign.assignment.considered.map((c: { userId: string }) => c.userId).sort()).toEqual(
        [rep.id, rep2.id].sort(),
      );
      const email = res.body.path.find((s: { nodeId: string }) => s.nodeId === 'email-owner');
      expect(email.message.subject).toBe('Hot lead: Ada Lovelace (Engines Ltd)');
      const wait = res.body.path.find((s: { nodeId: string }) => s.nodeId === 'wait-for-contact');
      expect(wait.deadline).toBe('2026-03-04T10:15:00.000Z');
      expect(res.body.problems).toEqual([]);

      expect(await count()).toEqual(before);
    });

    it('follows breaches into escalation and takes "else" for a cold lead', async () => {
      const flow = await createFlow({ name: 'Simulated breaches', graph: demo });
      const breached = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({ ...hotLead, breached: true })
        .expect(200);
      expect(breached.body.path.map((s: { nodeId: string }) => s.nodeId)).toEqual(
        expect.arrayContaining(['wait-for-contact', 'escalate', 'end-unhandled']),
      );
      expect(breached.body.outcome).toMatchObject({ kind: 'ended', outcome: 'unhandled' });

      const cold = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({ lead: { name: 'Bob' }, qualification: { score: 10 } })
        .expect(200);
      expect(cold.body.path[2]).toMatchObject({
        nodeId: 'hot-or-not',
        handle: 'else',
        condition: { handle: 'else' },
      });
      expect(cold.body.path[3]).toMatchObject({ nodeId: 'assign-standard', handle: 'assigned' });

      // No qualification given: the typed lead is scored by the heuristic, as the worker's
      // fallback would, so the condition reads a real score rather than nothing.
      const unscored = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({ lead: { name: 'Bob' } })
        .expect(200);
      expect(unscored.body.qualification).toMatchObject({
        source: 'heuristic',
        values: { method: 'heuristic', score: expect.any(Number) },
      });
      const [clause] = unscored.body.path[2].condition.rules[0].clauses;
      expect(clause).toEqual({
        field: 'qualification.score',
        op: 'gte',
        expected: 70,
        actual: unscored.body.qualification.values.score,
        result: unscored.body.qualification.values.score >= 70,
      });
      // An urgent, clearly buying lead typed in the test panel goes down the hot branch.
      const urgent = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({
          lead: {
            name: 'Dana Buyer',
            email: 'dana@acme-logistics.example',
            company: 'Acme Logistics',
            message:
              'We need 120 seats of your platform this week, budget approved at $40k. Please call me today to sign.',
          },
          at: '2026-03-04T10:00:00Z',
        })
        .expect(200);
      expect(urgent.body.qualification.values.score).toBeGreaterThanOrEqual(70);
      expect(urgent.body.path[2]).toMatchObject({ nodeId: 'hot-or-not', handle: 'hot' });
      const given = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({ lead: { name: 'Bob' }, qualification: { score: 99 } })
        .expect(200);
      expect(given.body.qualification).toEqual({ source: 'given', values: { score: 99 } });
      const docs = await as.manager.agent.get('/api/docs-json').expect(200);
      const step = docs.body.components.schemas.FlowSimulationStep;
      const documented = step.properties.condition.properties.rules.items.properties.clauses.items;
      expect(documented.required.filter((key: string) => !(key in clause))).toEqual([]);

      const bad = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
        .send({ lead: { name: 'Bob', email: 'nope' }, at: 'tomorrow' })
        .expect(400);
      expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['lead.email', 'at']),
      );
    });

    it('refuses custom-field keys that collide or turn reserved once trimmed, as intake does', async () => {
      const flow = await createFlow({ name: 'Simulated custom fields', graph: demo });
      const simulate = (customFields: string) =>
        write(as.manager, 'post', `/api/v1/flows/${flow.id}/simulate`)
          .set('content-type', 'application/json')
          // Raw JSON: an object literal could not hold both keys as sent.
          .send(`{"lead":{"name":"Bob","customFields":${customFields}}}`);

      const collide = await simulate('{"plan":"pro"," plan ":"free"}').expect(400);
      expect(collide.body.issues).toEqual([
        {
          path: 'lead.customFields. plan ',
          message: 'keys "plan" and " plan " are the same once spaces are trimmed; send one',
        },
      ]);
      const reserved = await simulate('{" __proto__ ":"x"}').expect(400);
      expect(reserved.body.issues).toEqual([
        { path: 'lead.customFields. __proto__ ', message: 'this key name is reserved' },
      ]);
      // One spaced key alone is no collision: it is simulated like any other lead.
      const alone = await simulate('{" plan ":"pro"}').expect(200);
      expect(alone.body.outcome).toMatchObject({ kind: 'ended' });
    });
  });

  describe('per-node stats', () => {
    const t0 = Date.parse('2026-02-02T09:00:00Z');
    const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();
    type Ev = [stepId: string, type: string, seconds: number, data?: Record<string, unknown>];

    async function seedLead(
      sourceId: string,
      versionId: string,
      receivedAt: number,
      events: Ev[],
    ): Promise<string> {
      const [lead] = await db().query(
        `INSERT INTO leads (source_id, name, email, received_at, flow_version_id) VALUES ($1, 'Lead', 'l@example.com', $2, $3) RETURNING id`,
        [sourceId, new Date(receivedAt).toISOString(), versionId],
      );
      for (const [stepId, type, seconds, data] of events) {
        await db().query(
          `INSERT INTO lead_events (lead_id, type, step_id, actor_type, data, occurred_at) VALUES ($1, $2, $3, 'system', $4, $5)`,
          [lead.id, type, stepId, JSON.stringify(data ?? {}), at(receivedAt, seconds)],
        );
      }
      return lead.id;
    }

    it('counts leads through each node, the median time spent and the share leaving each handle', async () => {
      const flow = await createFlow({ name: 'Measured', graph: demo });
      const v1 = (await publish(flow.id).expect(201)).body;
      const source = await seedSource(db());
      const routed = (nodeId: string, handle: string) => ({ nodeId, handle, reason: 'test' });

      // Hot, office open, contacted after one reminder.
      await seedLead(source.id, v1.id, t0, [
        ['received#1', 'received', 0],
        ['qualify#1', 'qualified', 10],
        ['hot-or-not#1', 'routed', 20, routed('hot-or-not', 'hot')],
        ['office-hours#1', 'routed', 30, routed('office-hours', 'open')],
        ['assign-rep#1', 'assigned', 40],
        ['alert-owner#1', 'notified', 50],
        ['email-owner#1', 'notified', 60],
        ['wait-for-contact#1:reminder-1', 'reminded', 360],
        ['action:a1', 'contacted', 400],
        ['end-contacted#1', 'routed', 400, { outcome: 'contacted' }],
      ]);
      // Cold, nobody free, SLA breached, escalated, unhandled.
      await seedLead(source.id, v1.id, t0 + 3_600_000, [
        ['qualify#1', 'qualified', 30],
        ['hot-or-not#1', 'routed', 40, routed('hot-or-not', 'else')],
        ['assign-standard#1', 'routed', 50, routed('assign-standard', 'nobody')],
        ['alert-manager#1', 'notified', 60],
        ['wait-for-contact#1', 'breached', 960],
        ['escalate#1:round-1', 'escalated', 961],
        ['escalate#1:round-1', 'routed', 962, { handle: 'nobody' }],
        ['escalate#1:round-1', 'breached', 1900],
        ['escalate#1:unhandled', 'unhandled', 2800],
        ['end-unhandled#1', 'routed', 2801, { outcome: 'unhandled' }],
      ]);
      // Hot, after hours: auto-reply, still waiting for the office to open.
      await seedLead(source.id, v1.id, t0 + 7_200_000, [
        ['qualify#1', 'qualified', 20],
        ['hot-or-not#1', 'routed', 30, routed('hot-or-not', 'hot')],
        ['office-hours#1', 'routed', 40, routed('office-hours', 'closed')],
        ['auto-reply#1', 'auto_replied', 50],
        ['wait-until-open#1', 'routed', 60, routed('wait-until-open', 'next')],
      ]);
      // Outside the window: not counted.
      await seedLead(source.id, v1.id, t0 - 10 * 86_400_000, [['qualify#1', 'qualified', 5]]);

      const res = await as.rep.agent
        .get(`/api/v1/flows/${flow.id}/versions/1/stats`)
        .query({ from: '2026-02-01T00:00:00Z', to: '2026-02-03T00:00:00Z' })
        .expect(200);
      expect(res.body).toMatchObject({
        flowId: flow.id,
        version: 1,
        from: '2026-02-01T00:00:00.000Z',
        to: '2026-02-03T00:00:00.000Z',
        leads: 3,
      });
      const node = (id: string) => res.body.nodes.find((n: { nodeId: string }) => n.nodeId === id);
      const shares = (id: string) =>
        Object.fromEntries(
          node(id).handles.map((h: { handle: string; count: number }) => [h.handle, h.count]),
        );

      expect(res.body.nodes).toHaveLength(demo.nodes.length);
      expect(node('trigger')).toMatchObject({
        visits: 3,
        leads: 3,
        exited: 3,
        medianSeconds: 20,
        timedVisits: 3,
      });
      expect(node('trigger').handles).toEqual([{ handle: 'next', count: 3, share: 1 }]);
      expect(node('qualify')).toMatchObject({ visits: 3, exited: 3, medianSeconds: 10 });
      expect(node('hot-or-not').handles).toEqual([
        { handle: 'hot', count: 2, share: 2 / 3 },
        { handle: 'else', count: 1, share: 1 / 3 },
      ]);
      expect(shares('office-hours')).toEqual({ open: 1, closed: 1 });
      expect(shares('assign-rep')).toEqual({ assigned: 1, nobody: 0 });
      expect(shares('assign-standard')).toEqual({ assigned: 0, nobody: 1 });
      expect(node('alert-manager')).toMatchObject({
        visits: 1,
        medianSeconds: 900,
        handles: [{ handle: 'next', count: 1, share: 1 }],
      });
      // Entered at the reminder (360 s) and left at the end (400 s); breached at 960 s, escalated at 961 s.
      expect(node('wait-for-contact')).toMatchObject({ visits: 2, exited: 2, medianSeconds: 20.5 });
      expect(shares('wait-for-contact')).toEqual({ contacted: 1, breached: 1 });
      // The escalation round's own assignment ("nobody") is not the escalate node's exit.
      expect(shares('escalate')).toEqual({ next: 1 });
      expect(node('wait-until-open')).toMatchObject({
        visits: 1,
        exited: 1,
        medianSeconds: null,
        timedVisits: 0,
      });
      expect(node('end-contacted')).toMatchObject({ visits: 1, exited: 0, handles: [] });
      expect(node('wait-standard')).toMatchObject({ visits: 0, leads: 0, medianSeconds: null });
      // Leaked: only the cold lead (breached at 960 s, unhandled at 2800 s), at every node it
      // entered; the contacted lead and the one still waiting have not leaked.
      const leaks = Object.fromEntries(
        res.body.nodes.map((n: { nodeId: string; leaked: number; leakShare: number }) => [
          n.nodeId,
          [n.leaked, n.leakShare],
        ]),
      );
      expect(leaks).toMatchObject({
        trigger: [1, 1 / 3],
        'hot-or-not': [1, 1 / 3],
        'office-hours': [0, 0],
        'assign-standard': [1, 1],
        'alert-manager': [1, 1],
        'wait-for-contact': [1, 0.5],
        escalate: [1, 1],
        'end-unhandled': [1, 1],
        'end-contacted': [0, 0],
        'wait-standard': [0, 0],
      });

      const all = await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/1/stats`).expect(200);
      expect(all.body).toMatchObject({ from: null, to: null, leads: 4 });

      const bad = await as.rep.agent
        .get(`/api/v1/flows/${flow.id}/versions/1/stats`)
        .query({ from: '2026-02-03T00:00:00Z', to: '2026-02-01T00:00:00Z' })
        .expect(400);
      expect(bad.body.issues[0]).toEqual({ path: 'from', message: 'from must be before to' });
    });

    it('counts a lead closed with nobody as leaked after each node it passed; spam and contacted ones not', async () => {
      const n = (id: string, type: string, config: Record<string, unknown>) => ({
        id,
        type,
        position: { x: 0, y: 0 },
        data: { config },
      });
      const e = (source: string, sourceHandle: string, target: string) => ({
        id: `${source}.${sourceHandle}->${target}`,
        source,
        sourceHandle,
        target,
      });
      const graph = {
        nodes: [
          n('trigger', 'trigger', { sources: [], forms: [] }),
          n('spam-check', 'condition', {
            rules: [
              {
                id: 'spam',
                label: 'Spam',
                group: { clauses: [{ field: 'qualification.spam', op: 'eq', value: true }] },
              },
            ],
          }),
          n('assign', 'assign', { strategy: 'round_robin', teamId }),
          n('end-done', 'end', { outcome: 'contacted' }),
          n('end-nobody', 'end', { outcome: 'other' }),
          n('end-spam', 'end', { outcome: 'spam' }),
        ],
        edges: [
          e('trigger', 'next', 'spam-check'),
          e('spam-check', 'spam', 'end-spam'),
          e('spam-check', 'else', 'assign'),
          e('assign', 'assigned', 'end-done'),
          e('assign', 'nobody', 'end-nobody'),
        ],
      };
      const flow = await createFlow({ name: 'Leaks', graph });
      const v1 = (await publish(flow.id).expect(201)).body;
      const source = await seedSource(db());
      const routed = (handle: string) => ({ handle, reason: 'test' });
      // Nobody free: closed as "other" with no owner, never contacted.
      await seedLead(source.id, v1.id, t0, [
        ['spam-check#1', 'routed', 10, routed('else')],
        ['assign#1', 'routed', 20, routed('nobody')],
        ['end-nobody#1', 'routed', 30, { outcome: 'other' }],
      ]);
      // Spam: dropped on purpose, not a leak.
      await seedLead(source.id, v1.id, t0 + 60_000, [
        ['spam-check#1', 'routed', 10, routed('spam')],
        ['end-spam#1', 'routed', 20, { outcome: 'spam' }],
      ]);
      // Assigned and contacted.
      const handled = await seedLead(source.id, v1.id, t0 + 120_000, [
        ['spam-check#1', 'routed', 10, routed('else')],
        ['assign#1', 'assigned', 20],
        ['end-done#1', 'routed', 30, { outcome: 'contacted' }],
      ]);
      await db().query(`UPDATE leads SET owner_id = $2, first_contact_at = now() WHERE id = $1`, [
        handled,
        rep.id,
      ]);

      const res = await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/1/stats`).expect(200);
      const leaks = Object.fromEntries(
        res.body.nodes.map(
          (s: { nodeId: string; leads: number; leaked: number; leakShare: number }) => [
            s.nodeId,
            [s.leads, s.leaked, s.leakShare],
          ],
        ),
      );
      expect(leaks).toEqual({
        trigger: [3, 1, 1 / 3],
        'spam-check': [3, 1, 1 / 3],
        assign: [2, 1, 0.5],
        'end-done': [1, 0, 0],
        'end-nobody': [1, 1, 1],
        'end-spam': [1, 0, 0],
      });
    });

    it('answers zeros for a version no lead ran on', async () => {
      const flow = await createFlow({ name: 'Unused', graph: demo });
      await publish(flow.id).expect(201);
      const res = await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/1/stats`).expect(200);
      expect(res.body.leads).toBe(0);
      expect(res.body.nodes.every((n: { visits: number }) => n.visits === 0)).toBe(true);
      await as.rep.agent.get(`/api/v1/flows/${flow.id}/versions/2/stats`).expect(404);
    });
  });

  describe('export and import', () => {
    it('round-trips a flow through its JSON document', async () => {
      const flow = await createFlow({
        name: 'Inbound Routing (EU)',
        description: 'Portable',
        graph: demo,
      });
      const exported = await as.rep.agent.get(`/api/v1/flows/${flow.id}/export`).expect(200);
      expect(exported.headers['content-disposition']).toBe(
        'attachment; filename="inbound-routing-eu.baton-flow.json"',
      );
      expect(exported.body).toEqual({
        kind: 'baton.flow',
        version: 1,
        name: 'Inbound Routing (EU)',
        description: 'Portable',
        graph: demo,
        exportedAt: expect.any(String),
      });

      const imported = await write(as.manager, 'post', '/api/v1/flows/import')
        .send(exported.body)
        .expect(201);
      expect(imported.body.warnings).toEqual([]);
      expect(imported.body.flow).toMatchObject({
        name: 'Inbound Routing (EU)',
        description: 'Portable',
        draftGraph: demo,
        published: null,
        versionCount: 0,
      });
      expect(imported.body.flow.id).not.toBe(flow.id);
      const again = await as.rep.agent
        .get(`/api/v1/flows/${imported.body.flow.id}/export`)
        .expect(200);
      expect({ ...again.body, exportedAt: null }).toEqual({ ...exported.body, exportedAt: null });
    });

    it('exports a published version on request', async () => {
      const flow = await createFlow({ name: 'Versioned', graph: demo });
      await publish(flow.id).expect(201);
      await write(as.manager, 'put', `/api/v1/flows/${flow.id}`)
        .send({ graph: { nodes: [], edges: [] } })
        .expect(200);
      const res = await as.rep.agent.get(`/api/v1/flows/${flow.id}/export?version=1`).expect(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="versioned.v1.baton-flow.json"',
      );
      expect(res.body.graph).toEqual(demo);
      await as.rep.agent.get(`/api/v1/flows/${flow.id}/export?version=2`).expect(404);
    });

    it('imports a flow from another install, with its foreign ids as warnings', async () => {
      const foreign = createDemoFlowGraph({
        teamId: '11111111-1111-4111-8111-111111111111',
        scheduleId: scheduleId,
      });
      const res = await write(as.manager, 'post', '/api/v1/flows/import')
        .send({ kind: 'baton.flow', version: 1, name: 'From staging', graph: foreign })
        .expect(201);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({
          code: 'unknown_reference',
          nodeId: 'assign-rep',
          field: 'teamId',
        }),
        expect.objectContaining({
          code: 'unknown_reference',
          nodeId: 'assign-standard',
          field: 'teamId',
        }),
      ]);
      expect(res.body.flow.problems).toEqual(res.body.warnings);
      await publish(res.body.flow.id).expect(422);
    });

    it('rejects something that is not a flow document', async () => {
      const res = await write(as.manager, 'post', '/api/v1/flows/import')
        .send({ kind: 'zapier.zap', version: 2, name: 'x', graph: { nodes: 'none' } })
        .expect(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['kind', 'version', 'graph.nodes']),
      );
    });
  });

  it('documents the flow routes in OpenAPI, the 422 with its problems included', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const publishDoc = res.body.paths['/api/v1/flows/{id}/publish'].post;
    expect(Object.keys(publishDoc.responses)).toEqual(
      expect.arrayContaining(['201', '403', '404', '422']),
    );
    expect(res.body.paths['/api/v1/flows/catalogue'].get).toBeDefined();
    expect(res.body.paths['/api/v1/flows/{id}/versions/{version}/stats'].get).toBeDefined();
    expect(res.body.components.schemas['FlowProblemsError'].properties.problems).toBeDefined();
  });
});
