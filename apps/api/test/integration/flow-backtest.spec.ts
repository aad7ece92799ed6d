import type TestAgent from 'supertest/lib/agent';
import { flowBacktestSchema } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

interface Agent {
  agent: TestAgent;
  csrf: string;
}

const node = (id: string, type: string, label: string, config: Record<string, unknown>) => ({
  id,
  type,
  label,
  position: { x: 0, y: 0 },
  data: { config },
});
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}.${sourceHandle}->${target}`,
  source,
  sourceHandle,
  target,
});

/** Leads scoring `hot` or more go to the sales team; the rest to a nurture end with no owner. */
function salesFlow(teamId: string, hot: number): FlowGraph {
  return {
    nodes: [
      node('trigger', 'trigger', 'Any source', { sources: [], forms: [] }),
      node('qualify', 'qualify', 'Score', {}),
      node('hot-or-not', 'condition', 'Hot or not', {
        rules: [
          {
            id: 'hot',
            label: 'Hot',
            group: {
              mode: 'all',
              clauses: [{ field: 'qualification.score', op: 'gte', value: hot }],
            },
          },
        ],
      }),
      node('assign', 'assign', 'Sales rota', { strategy: 'round_robin', teamId }),
      node('end-sales', 'end', 'With sales', { outcome: 'contacted' }),
      node('end-nurture', 'end', 'Nurture', { outcome: 'other' }),
    ],
    edges: [
      edge('trigger', 'next', 'qualify'),
      edge('qualify', 'next', 'hot-or-not'),
      edge('hot-or-not', 'hot', 'assign'),
      edge('hot-or-not', 'else', 'end-nurture'),
      edge('assign', 'assigned', 'end-sales'),
      edge('assign', 'nobody', 'end-nurture'),
    ],
  };
}

describe('flow backtest API', () => {
  let t: ApiTestApp;
  let manager: TestUser;
  let riley: TestUser;
  let sam: TestUser;
  let teamId: string;
  let as: Record<'admin' | 'manager' | 'rep', Agent>;

  const db = () => t.db.dataSource;
  const write = (who: Agent, url: string) => who.agent.post(url).set('X-CSRF-Token', who.csrf);
  const createFlow = async (name: string, graph: FlowGraph) =>
    (await write(as.manager, '/api/v1/flows').send({ name, graph }).expect(201)).body as {
      id: string;
    };
  const putDraft = (id: string, graph: FlowGraph) =>
    as.manager.agent
      .put(`/api/v1/flows/${id}`)
      .set('X-CSRF-Token', as.manager.csrf)
      .send({ graph })
      .expect(200);
  const backtest = (id: string, body?: unknown, who: Agent = as.manager) => {
    const req = write(who, `/api/v1/flows/${id}/backtest`);
    return body === undefined ? req : req.send(body as object);
  };

  let minute = 0;
  /** A lead received `minutesAgo` before a fixed Tuesday noon, with the score it was given. */
  async function seedLead(opts: {
    sourceId: string;
    name: string;
    score: number | null;
    versionId?: string | null;
  }): Promise<string> {
    minute += 1;
    const receivedAt = new Date(Date.parse('2026-03-10T12:00:00Z') + minute * 60_000);
    const [row] = await db().query(
      `INSERT INTO leads (source_id, name, email, received_at, flow_version_id, qualification)
       VALUES ($1, $2, 'lead@example.com', $3, $4, $5) RETURNING id`,
      [
        opts.sourceId,
        opts.name,
        receivedAt.toISOString(),
        opts.versionId ?? null,
        opts.score === null ? null : JSON.stringify({ score: opts.score, method: 'llm' }),
      ],
    );
    return row.id;
  }

  beforeAll(async () => {
    t = await startApiTestApp('flow-backtest');
    const admin = await seedUser(db(), 'admin', 'Ada Admin');
    manager = await seedUser(db(), 'manager', 'Maya Manager');
    riley = await seedUser(db(), 'rep', 'Riley Rep');
    sam = await seedUser(db(), 'rep', 'Sam Rep');
    teamId = await seedTeam(db(), manager.id, [riley.id, sam.id]);
    as = {
      admin: await t.signIn(admin.email, admin.password),
      manager: await t.signIn(manager.email, manager.password),
      rep: await t.signIn(riley.email, riley.password),
    };
  });
  afterAll(() => t.close());

  it('reports exactly which of the flow’s latest leads a lowered threshold routes elsewhere, and where', async () => {
    const flow = await createFlow('Inbound sales', salesFlow(teamId, 70));
    const v1 = (await write(as.manager, `/api/v1/flows/${flow.id}/publish`).send({}).expect(201))
      .body;
    const feeding = await seedSource(db());
    await db().query(`UPDATE sources SET flow_id = $1 WHERE id = $2`, [flow.id, feeding.id]);
    const elsewhere = await seedSource(db());

    // Oldest first; the backtest reads them newest first.
    const hot = await seedLead({ sourceId: feeding.id, name: 'Hot', score: 90 });
    const warm = await seedLead({ sourceId: feeding.id, name: 'Warm', score: 60 });
    const cold = await seedLead({ sourceId: feeding.id, name: 'Cold', score: 20 });
    // Came in from a source that no longer feeds the flow, but ran on its version: included.
    const pinned = await seedLead({
      sourceId: elsewhere.id,
      name: 'Pinned',
      score: 55,
      versionId: v1.id,
    });
    const unscored = await seedLead({ sourceId: feeding.id, name: 'Unscored', score: null });
    // Neither pinned to this flow nor from a source feeding it: left out.
    await seedLead({ sourceId: elsewhere.id, name: 'Other flow', score: 65 });

    await putDraft(flow.id, salesFlow(teamId, 50));
    const res = await backtest(flow.id, { limit: 100 }).expect(200);

    // Round robin from a fresh rotation: the team's first member by id.
    const [firstRep, repName] = riley.id < sam.id ? [riley, 'Riley Rep'] : [sam, 'Sam Rep'];
    const [team] = await db().query(`SELECT name FROM teams WHERE id = $1`, [teamId]);
    const nurture = {
      nodeId: 'end-nurture',
      label: 'Nurture',
      kind: 'ended',
      outcome: 'other',
      stopCode: null,
      owner: null,
      team: null,
      path: ['trigger', 'qualify', 'hot-or-not', 'end-nurture'],
    };
    const sales = {
      nodeId: 'end-sales',
      label: 'With sales',
      kind: 'ended',
      outcome: 'contacted',
      stopCode: null,
      owner: { id: firstRep.id, name: repName },
      team: { id: teamId, name: team.name },
      path: ['trigger', 'qualify', 'hot-or-not', 'assign', 'end-sales'],
    };
    expect(res.body).toEqual({
      flowId: flow.id,
      publishedVersion: 1,
      leadsFrom: 'flow',
      limit: 100,
      compared: 5,
      same: 3,
      differing: 2,
      groups: [
        {
          published: {
            nodeId: 'end-nurture',
            label: 'Nurture',
            kind: 'ended',
            outcome: 'other',
            assignee: null,
          },
          draft: {
            nodeId: 'end-sales',
            label: 'With sales',
            kind: 'ended',
            outcome: 'contacted',
            assignee: { kind: 'team', id: teamId, name: team.name },
          },
          count: 2,
        },
      ],
      differences: [
        {
          leadId: pinned,
          leadName: 'Pinned',
          receivedAt: expect.any(String),
          changed: ['end', 'owner', 'path'],
          published: nurture,
          draft: sales,
        },
        {
          leadId: warm,
          leadName: 'Warm',
          receivedAt: expect.any(String),
          changed: ['end', 'owner', 'path'],
          published: nurture,
          draft: sales,
        },
      ],
      listLimit: 100,
      draftProblems: [],
    });
    expect([hot, cold, unscored]).not.toContain(res.body.differences[0].leadId);
    // What the web UI is built against: the answer is the documented shape.
    expect(flowBacktestSchema.safeParse(res.body).error).toBeUndefined();

    // The last N: only the two newest leads (Unscored, Pinned) are replayed.
    const two = await backtest(flow.id, { limit: 2 }).expect(200);
    expect(two.body).toMatchObject({ compared: 2, differing: 1, limit: 2 });
    expect(two.body.differences.map((d: { leadId: string }) => d.leadId)).toEqual([pinned]);

    // No body: the default 200 leads; admins may too. Nothing is written.
    const before = await db().query(
      `SELECT (SELECT count(*)::int FROM lead_events) AS events, (SELECT count(*)::int FROM assignment_cursors) AS cursors`,
    );
    const byAdmin = await backtest(flow.id, undefined, as.admin).expect(200);
    expect(byAdmin.body).toMatchObject({ limit: 200, compared: 5, differing: 2 });
    expect(
      await db().query(
        `SELECT (SELECT count(*)::int FROM lead_events) AS events, (SELECT count(*)::int FROM assignment_cursors) AS cursors`,
      ),
    ).toEqual(before);
  });

  it('falls back to the newest leads of any source when none has reached the flow yet', async () => {
    const flow = await createFlow('Fresh', salesFlow(teamId, 70));
    await write(as.manager, `/api/v1/flows/${flow.id}/publish`).send({}).expect(201);
    const res = await backtest(flow.id, { limit: 3 }).expect(200);
    expect(res.body).toMatchObject({ leadsFrom: 'all', compared: 3, differing: 0, same: 3 });
  });

  it('answers 409 when there is no published version, 403 for a rep and 404 for no such flow', async () => {
    const draftOnly = await createFlow('Never published', salesFlow(teamId, 70));
    const conflict = await backtest(draftOnly.id, {}).expect(409);
    expect(conflict.body.message).toMatch(/no published version/);
    await backtest(draftOnly.id, {}, as.rep).expect(403);
    await backtest('00000000-0000-4000-8000-000000000000', {}).expect(404);
    await backtest('not-a-uuid', {}).expect(400);
  });

  it('refuses a limit outside 1..10000 (or not a whole number) with a 400 naming the field', async () => {
    const flow = await createFlow('Limits', salesFlow(teamId, 70));
    await write(as.manager, `/api/v1/flows/${flow.id}/publish`).send({}).expect(201);
    for (const limit of [0, 10_001, 2.5, '10', null]) {
      const res = await backtest(flow.id, { limit }).expect(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['limit']);
    }
    const low = await backtest(flow.id, { limit: 0 }).expect(400);
    expect(low.body.message).toBe('limit: limit must be at least 1');
    const high = await backtest(flow.id, { limit: 10_001 }).expect(400);
    expect(high.body.message).toBe('limit: limit must be at most 10000');
    const unknown = await backtest(flow.id, { limit: 5, extra: true }).expect(400);
    expect(unknown.body.message).toMatch(/extra/);
    await backtest(flow.id, [1, 2]).expect(400);
    await write(as.manager, `/api/v1/flows/${flow.id}/backtest`)
      .set('content-type', 'application/json')
      .send('"just a string"')
      .expect(400);
  });

  it('is documented in OpenAPI with its request and response schemas', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const op = res.body.paths['/api/v1/flows/{id}/backtest'].post;
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['200', '400', '403', '404', '409']),
    );
    expect(res.body.components.schemas['FlowBacktest'].properties.groups).toBeDefined();
    expect(res.body.components.schemas['FlowBacktestRequest'].properties.limit).toMatchObject({
      minimum: 1,
      maximum: 10000,
    });
  });
});
