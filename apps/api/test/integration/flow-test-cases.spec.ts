import type TestAgent from 'supertest/lib/agent';
import { createDemoFlowGraph, type FlowGraph } from '@baton/flow';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

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

const MISSING = '00000000-0000-4000-8000-000000000099';

const hotLead = {
  lead: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Engines Ltd' },
  qualification: { score: 85 },
  at: '2026-03-04T10:00:00Z',
};

describe('flow test cases API', () => {
  let t: ApiTestApp;
  let manager: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;
  let teamId: string;
  let otherTeamId: string;
  let as: Record<'admin' | 'manager' | 'rep', Agent>;
  let demo: FlowGraph;

  const db = () => t.db.dataSource;
  const write = (who: Agent, method: 'post' | 'put' | 'delete', url: string) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrf);
  const createFlow = async (name: string, graph: FlowGraph = demo) =>
    (await write(as.manager, 'post', '/api/v1/flows').send({ name, graph }).expect(201)).body as {
      id: string;
    };
  const cases = (flowId: string) => `/api/v1/flows/${flowId}/test-cases`;
  const addCase = (flowId: string, body: Record<string, unknown>, who: Agent = as.manager) =>
    write(who, 'post', cases(flowId)).send(body);
  const saveDraft = (flowId: string, graph: FlowGraph) =>
    write(as.manager, 'put', `/api/v1/flows/${flowId}`).send({ graph }).expect(200);
  const withHotTeam = (team: string) => {
    const graph = structuredClone(demo);
    const assign = graph.nodes.find((n) => n.id === 'assign-rep');
    if (!assign) throw new Error('the demo flow has no assign-rep');
    assign.data.config['teamId'] = team;
    return graph;
  };

  beforeAll(async () => {
    t = await startApiTestApp('flow_test_cases');
    const admin = await seedUser(db(), 'admin', 'Ada Admin');
    manager = await seedUser(db(), 'manager', 'Maya Manager');
    rep = await seedUser(db(), 'rep', 'Riley Rep');
    otherRep = await seedUser(db(), 'rep', 'Olive Other');
    teamId = await seedTeam(db(), manager.id, [rep.id]);
    otherTeamId = await seedTeam(db(), manager.id, [otherRep.id]);
    const [schedule] = await db().query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('Always open', 'UTC', $1) RETURNING id`,
      [JSON.stringify(ALWAYS_OPEN)],
    );
    demo = createDemoFlowGraph({ teamId, scheduleId: schedule.id });
    as = {
      admin: await t.signIn(admin.email, admin.password),
      manager: await t.signIn(manager.email, manager.password),
      rep: await t.signIn(rep.email, rep.password),
    };
  });
  afterAll(() => t.close());

  it('creates, lists, changes and deletes cases, auditing each change', async () => {
    const flow = await createFlow('CRUD');
    const first = await addCase(flow.id, {
      name: '  Hot lead to sales ',
      input: hotLead,
      expected: { teamId, outcome: 'contacted' },
    }).expect(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      flowId: flow.id,
      name: 'Hot lead to sales',
      position: 0,
      input: hotLead,
      expected: { teamId, outcome: 'contacted' },
      createdBy: { id: manager.id, name: 'Maya Manager' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const second = await addCase(flow.id, {
      name: 'Cold lead',
      input: { lead: { name: 'Bob' }, qualification: { score: 5 } },
      expected: { passes: ['assign-standard'] },
    }).expect(201);
    expect(second.body.position).toBe(1);

    // Reps read them; the list is in position order.
    const list = await as.rep.agent.get(cases(flow.id)).expect(200);
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual([
      'Hot lead to sales',
      'Cold lead',
    ]);

    const moved = await write(as.admin, 'put', `${cases(flow.id)}/${second.body.id}`)
      .send({ name: 'Cold lead, least loaded', position: 0 })
      .expect(200);
    expect(moved.body).toMatchObject({
      name: 'Cold lead, least loaded',
      position: 0,
      expected: { passes: ['assign-standard'] },
    });
    const reordered = await as.rep.agent.get(cases(flow.id)).expect(200);
    expect(reordered.body.items.map((c: { id: string }) => c.id)).toEqual([
      second.body.id,
      first.body.id,
    ]);

    await write(as.manager, 'delete', `${cases(flow.id)}/${first.body.id}`).expect(204);
    const after = await as.rep.agent.get(cases(flow.id)).expect(200);
    expect(after.body.items.map((c: { id: string }) => c.id)).toEqual([second.body.id]);

    const audit = await db().query(
      `SELECT action, before, after FROM audit_log
       WHERE entity_type = 'flow' AND entity_id = $1 AND action LIKE 'flow.test_case.%' ORDER BY id`,
      [flow.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'flow.test_case.create',
      'flow.test_case.create',
      'flow.test_case.update',
      'flow.test_case.delete',
    ]);
    expect(audit[2].before).toMatchObject({ testCaseId: second.body.id, name: 'Cold lead' });
    expect(audit[2].after).toMatchObject({ name: 'Cold lead, least loaded', position: 0 });
    expect(audit[3]).toMatchObject({
      before: { testCaseId: first.body.id, name: 'Hot lead to sales', expected: { teamId } },
      after: null,
    });
  });

  it('refuses bad input with 400 naming the field, and a name the flow has with 409', async () => {
    const flow = await createFlow('Validation');
    const refused = async (body: unknown, path: string) => {
      const res = await addCase(flow.id, body as Record<string, unknown>).expect(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    };
    await refused({ name: '', input: hotLead, expected: { outcome: 'contacted' } }, 'name');
    await refused(
      { name: 'x', input: { lead: {} }, expected: { outcome: 'contacted' } },
      'input.lead.name',
    );
    await refused({ name: 'x', input: hotLead, expected: {} }, 'expected');
    await refused({ name: 'x', input: hotLead, expected: { outcome: 'won' } }, 'expected.outcome');
    await refused({ name: 'x', input: hotLead, expected: { teamId: 'sales' } }, 'expected.teamId');
    await refused({ name: 'x', input: hotLead, expected: { path: [] } }, 'expected.path');
    await refused({ name: 'x', input: hotLead, expected: { ownerId: null }, extra: 1 }, '');
    await refused({ name: 'x', input: null, expected: { ownerId: null } }, 'input');
    await refused(
      { name: 'x', input: hotLead, expected: { ownerId: null }, position: -1 },
      'position',
    );

    await addCase(flow.id, { name: 'Nobody', input: hotLead, expected: { ownerId: null } }).expect(
      201,
    );
    const clash = await addCase(flow.id, {
      name: 'NOBODY',
      input: hotLead,
      expected: { outcome: 'contacted' },
    }).expect(409);
    expect(clash.body).toMatchObject({
      statusCode: 409,
      issues: [{ path: 'name', message: expect.stringContaining('NOBODY') }],
    });
    const other = await addCase(flow.id, {
      name: 'Other',
      input: hotLead,
      expected: { outcome: 'contacted' },
    }).expect(201);
    await write(as.manager, 'put', `${cases(flow.id)}/${other.body.id}`)
      .send({ name: 'nobody' })
      .expect(409);
    const empty = await write(as.manager, 'put', `${cases(flow.id)}/${other.body.id}`)
      .send({})
      .expect(400);
    expect(empty.body.message).toContain('send a name');
    // Another flow may reuse the name.
    const second = await createFlow('Validation 2');
    await addCase(second.id, {
      name: 'Nobody',
      input: hotLead,
      expected: { ownerId: null },
    }).expect(201);
    // A run target that names no version.
    await write(as.manager, 'post', `${cases(flow.id)}/run`)
      .send({ target: 'live' })
      .expect(400);
    await write(as.manager, 'post', `${cases(flow.id)}/run`)
      .send({ target: { version: 0 } })
      .expect(400);
  });

  it('answers 404 for an unknown flow or case and 400 for ids that are not uuids', async () => {
    const flow = await createFlow('Unknown ids');
    const body = { name: 'x', input: hotLead, expected: { outcome: 'contacted' } };
    await as.rep.agent.get(cases(MISSING)).expect(404);
    await addCase(MISSING, body).expect(404);
    await write(as.manager, 'post', `${cases(MISSING)}/run`)
      .send({})
      .expect(404);
    await write(as.manager, 'put', `${cases(flow.id)}/${MISSING}`)
      .send({ name: 'y' })
      .expect(404);
    await write(as.manager, 'delete', `${cases(flow.id)}/${MISSING}`).expect(404);
    await write(as.manager, 'put', `${cases(MISSING)}/${MISSING}`)
      .send({ name: 'y' })
      .expect(404);
    await write(as.manager, 'post', `${cases(flow.id)}/run`)
      .send({ target: { version: 3 } })
      .expect(404);
    const bad = await write(as.manager, 'delete', `${cases(flow.id)}/not-a-uuid`).expect(400);
    expect(bad.body.message).toContain('caseId must be a test case id');
    await as.rep.agent.get(cases('nope')).expect(400);
    // A case of one flow is not reachable through another.
    const mine = await addCase(flow.id, body).expect(201);
    const other = await createFlow('Unknown ids 2');
    await write(as.manager, 'delete', `${cases(other.id)}/${mine.body.id}`).expect(404);
  });

  it('lets reps read but not write or run', async () => {
    const flow = await createFlow('Rep access');
    const made = await addCase(flow.id, {
      name: 'Hot',
      input: hotLead,
      expected: { outcome: 'contacted' },
    }).expect(201);
    await as.rep.agent.get(cases(flow.id)).expect(200);
    await addCase(
      flow.id,
      { name: 'Mine', input: hotLead, expected: { outcome: 'contacted' } },
      as.rep,
    ).expect(403);
    await write(as.rep, 'put', `${cases(flow.id)}/${made.body.id}`)
      .send({ name: 'x' })
      .expect(403);
    await write(as.rep, 'delete', `${cases(flow.id)}/${made.body.id}`).expect(403);
    await write(as.rep, 'post', `${cases(flow.id)}/run`)
      .send({})
      .expect(403);
    await t.http().get(cases(flow.id)).expect(401);
  });

  it('runs the cases: a passing one, and a failing one that says what differed', async () => {
    const flow = await createFlow('Runs');
    const pass = await addCase(flow.id, {
      name: 'Hot lead to the sales team',
      input: hotLead,
      expected: {
        teamId,
        endNodeId: 'end-contacted',
        outcome: 'contacted',
        passes: ['assign-rep', 'email-owner'],
        ownerId: rep.id,
      },
    }).expect(201);
    const fail = await addCase(flow.id, {
      name: 'Hot lead escalates',
      input: { ...hotLead, breached: true },
      expected: {
        outcome: 'contacted',
        path: ['trigger', 'qualify', 'hot-or-not', 'assign-standard'],
        ownerId: null,
      },
    }).expect(201);

    const res = await write(as.manager, 'post', `${cases(flow.id)}/run`).expect(200);
    expect(res.body).toMatchObject({ target: 'draft', total: 2, passed: 1, failed: 1 });
    expect(res.body.results[0]).toEqual({
      id: pass.body.id,
      name: 'Hot lead to the sales team',
      passed: true,
      failures: [],
      actual: {
        path: [
          'trigger',
          'qualify',
          'hot-or-not',
          'office-hours',
          'assign-rep',
          'alert-owner',
          'email-owner',
          'wait-for-contact',
          'end-contacted',
        ],
        endNodeId: 'end-contacted',
        outcome: 'contacted',
        stopped: null,
        ownerId: rep.id,
        ownerName: 'Riley Rep',
        teamId,
      },
    });
    const failed = res.body.results[1];
    expect(failed).toMatchObject({ id: fail.body.id, passed: false });
    expect(failed.failures.map((f: { field: string }) => f.field)).toEqual([
      'outcome',
      'path',
      'ownerId',
    ]);
    expect(failed.failures[0]).toEqual({
      field: 'outcome',
      expected: 'contacted',
      actual: 'unhandled',
      message: 'expected the outcome "contacted", but got "unhandled"',
    });
    expect(failed.failures[1].message).toContain(
      'the path differs at step 4: expected "assign-standard", got "office-hours"',
    );
    expect(failed.failures[2].message).toBe('expected nobody to own the lead, but Riley Rep does');

    // A published version is a target too; the draft's later edits do not change its answer.
    await write(as.manager, 'put', `${cases(flow.id)}/${fail.body.id}`)
      .send({ expected: { outcome: 'unhandled' } })
      .expect(200);
    await write(as.manager, 'post', `/api/v1/flows/${flow.id}/publish`).expect(201);
    await saveDraft(flow.id, withHotTeam(otherTeamId));
    const draft = await write(as.manager, 'post', `${cases(flow.id)}/run`)
      .send({ target: 'draft' })
      .expect(200);
    expect(draft.body.results[0].failures).toEqual([
      expect.objectContaining({ field: 'teamId', expected: teamId, actual: otherTeamId }),
      expect.objectContaining({ field: 'ownerId', expected: rep.id, actual: otherRep.id }),
    ]);
    const v1 = await write(as.manager, 'post', `${cases(flow.id)}/run`)
      .send({ target: { version: 1 } })
      .expect(200);
    expect(v1.body).toMatchObject({ target: { version: 1 }, total: 2, passed: 2, failed: 0 });
  });

  it('refuses to publish while a case fails, naming it, and publishes once fixed', async () => {
    const flow = await createFlow('Guarded');
    const teamNames = async (id: string) =>
      ((await db().query(`SELECT name FROM teams WHERE id = $1`, [id])) as { name: string }[])[0]
        ?.name;
    const teamName = await teamNames(teamId);
    const otherName = await teamNames(otherTeamId);
    await addCase(flow.id, {
      name: 'Hot lead to the sales team',
      input: hotLead,
      expected: { teamId, passes: ['assign-rep'] },
    }).expect(201);
    await addCase(flow.id, {
      name: 'Cold lead ends contacted',
      input: { lead: { name: 'Bob' }, qualification: { score: 5 }, at: hotLead.at },
      expected: { endNodeId: 'end-contacted' },
    }).expect(201);

    // The draft now sends hot leads to another team.
    await saveDraft(flow.id, withHotTeam(otherTeamId));
    const refused = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/publish`).expect(422);
    expect(refused.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: '1 of 2 test cases fail: "Hot lead to the sales team"',
      issues: [
        {
          path: 'testCases.Hot lead to the sales team.teamId',
          message: `"Hot lead to the sales team": expected team "${teamName}" to pick the owner, but it was team "${otherName}"`,
        },
      ],
      testRun: expect.objectContaining({ target: 'draft', total: 2, passed: 1, failed: 1 }),
    });
    const [versions] = await db().query(
      `SELECT count(*)::int AS n FROM flow_versions WHERE flow_id = $1`,
      [flow.id],
    );
    expect(versions.n).toBe(0);

    // Fixed: the draft goes back to the sales team.
    await saveDraft(flow.id, demo);
    const published = await write(as.manager, 'post', `/api/v1/flows/${flow.id}/publish`).expect(
      201,
    );
    expect(published.body.version).toBe(1);
    const [audit] = await db().query(
      `SELECT after FROM audit_log WHERE action = 'flow.publish' AND entity_id = $1`,
      [flow.id],
    );
    expect(audit.after).toMatchObject({ version: 1, testCases: { total: 2, passed: 2 } });
  });

  it('publishes a flow without test cases as before, and deletes cases with their flow', async () => {
    const flow = await createFlow('No cases');
    await write(as.manager, 'post', `/api/v1/flows/${flow.id}/publish`).expect(201);
    const scratch = await createFlow('Scratch');
    await addCase(scratch.id, {
      name: 'x',
      input: hotLead,
      expected: { outcome: 'contacted' },
    }).expect(201);
    await write(as.manager, 'delete', `/api/v1/flows/${scratch.id}`).expect(204);
    const [left] = await db().query(
      `SELECT count(*)::int AS n FROM flow_test_cases WHERE flow_id = $1`,
      [scratch.id],
    );
    expect(left.n).toBe(0);
  });

  it('documents the routes and the publish refusal in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const { paths, components } = res.body;
    expect(Object.keys(paths['/api/v1/flows/{id}/test-cases'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(paths['/api/v1/flows/{id}/test-cases/{caseId}'])).toEqual(
      expect.arrayContaining(['put', 'delete']),
    );
    expect(paths['/api/v1/flows/{id}/test-cases/run'].post).toBeDefined();
    for (const id of ['FlowTestCase', 'CreateFlowTestCase', 'FlowTestRun', 'FlowTestCaseExpected'])
      expect(components.schemas[id]).toBeDefined();
    expect(components.schemas['FlowTestCasesFailedError'].properties.testRun).toBeDefined();
  });
});
