import type TestAgent from 'supertest/lib/agent';
import type { FlowGraph } from '@baton/flow';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser } from '../support/seed-test-data';

interface Agent {
  agent: TestAgent;
  csrf: string;
}

/** A trigger straight into an End: the smallest flow that publishes. */
const publishable: FlowGraph = {
  nodes: [
    {
      id: 'trigger',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { config: { sources: [], forms: [] } },
    },
    { id: 'end', type: 'end', position: { x: 300, y: 0 }, data: { config: { outcome: 'other' } } },
  ],
  edges: [{ id: 'trigger.next->end', source: 'trigger', sourceHandle: 'next', target: 'end' }],
};

// Two editors on one draft: each save names the revision it started from, so neither overwrites
// the other without knowing.
describe('flow drafts: ETag, If-Match and publish notes', () => {
  let t: ApiTestApp;
  let alice: Agent;
  let bob: Agent;

  const put = (who: Agent, id: string) =>
    who.agent.put(`/api/v1/flows/${id}`).set('X-CSRF-Token', who.csrf);
  const createFlow = async (name: string, graph?: FlowGraph): Promise<string> => {
    const res = await alice.agent
      .post('/api/v1/flows')
      .set('X-CSRF-Token', alice.csrf)
      .send({ name, graph })
      .expect(201);
    return res.body.id;
  };

  beforeAll(async () => {
    t = await startApiTestApp('flow-conflicts');
    const db = t.db.dataSource;
    const a = await seedUser(db, 'manager', 'Alice Manager');
    const b = await seedUser(db, 'manager', 'Bob Manager');
    alice = await t.signIn(a.email, a.password);
    bob = await t.signIn(b.email, b.password);
  });
  afterAll(() => t.close());

  it('gives the draft an ETag that every save moves on, and refuses a save from a stale one', async () => {
    const id = await createFlow('Shared draft');
    const loaded = await alice.agent.get(`/api/v1/flows/${id}`).expect(200);
    const etag = loaded.headers['etag'] as string;
    expect(etag).toMatch(/^"\d+"$/);
    // Reading again changes nothing.
    expect((await bob.agent.get(`/api/v1/flows/${id}`).expect(200)).headers['etag']).toBe(etag);

    const first = await put(alice, id).set('If-Match', etag).send({ name: 'Alice was here' });
    expect(first.status).toBe(200);
    const next = first.headers['etag'] as string;
    expect(next).toMatch(/^"\d+"$/);
    expect(next).not.toBe(etag);

    // Bob still holds the first ETag: his save is refused and changes nothing.
    const stale = await put(bob, id).set('If-Match', etag).send({ name: 'Bob overwrote it' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Someone else changed this flow.*Reload/);
    const after = await bob.agent.get(`/api/v1/flows/${id}`).expect(200);
    expect(after.body.name).toBe('Alice was here');
    expect(after.headers['etag']).toBe(next);

    // After a reload his save goes through; a weak or listed tag matches too.
    await put(bob, id)
      .set('If-Match', `"0", W/${next}`)
      .send({ name: 'Bob, after reloading' })
      .expect(200);
    // No If-Match at all is an unconditional save, as before (scripts, imports).
    await put(alice, id).send({ description: 'no If-Match' }).expect(200);
  });

  it('serialises two saves sent at once from the same revision: one wins, the other gets 409', async () => {
    const id = await createFlow('Race');
    const etag = (await alice.agent.get(`/api/v1/flows/${id}`).expect(200)).headers['etag'];
    const [a, b] = await Promise.all([
      put(alice, id).set('If-Match', etag).send({ name: 'A' }),
      put(bob, id).set('If-Match', etag).send({ name: 'B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A' : 'B';
    expect((await alice.agent.get(`/api/v1/flows/${id}`).expect(200)).body.name).toBe(winner);
  });

  it('publishes with a note kept in the audit log, and refuses to publish a draft changed since', async () => {
    const id = await createFlow('Publish me', publishable);
    const etag = (await alice.agent.get(`/api/v1/flows/${id}`).expect(200)).headers['etag'];
    await put(bob, id).send({ description: 'Bob touched it' }).expect(200);

    const refused = await alice.agent
      .post(`/api/v1/flows/${id}/publish`)
      .set('X-CSRF-Token', alice.csrf)
      .set('If-Match', etag)
      .send({ note: 'First version' });
    expect(refused.status).toBe(409);
    expect((await alice.agent.get(`/api/v1/flows/${id}`).expect(200)).body.published).toBeNull();

    const current = (await alice.agent.get(`/api/v1/flows/${id}`).expect(200)).headers['etag'];
    const published = await alice.agent
      .post(`/api/v1/flows/${id}/publish`)
      .set('X-CSRF-Token', alice.csrf)
      .set('If-Match', current)
      .send({ note: '  First version: straight to the end  ' })
      .expect(201);
    expect(published.body.version).toBe(1);
    const [audit] = await t.db.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'flow.publish' AND entity_id = $1`,
      [id],
    );
    expect(audit.after).toMatchObject({ version: 1, note: 'First version: straight to the end' });

    // Without a body, as before; a note of the wrong shape is a 400 naming the field.
    await alice.agent
      .post(`/api/v1/flows/${id}/publish`)
      .set('X-CSRF-Token', alice.csrf)
      .expect(201);
    const bad = await alice.agent
      .post(`/api/v1/flows/${id}/publish`)
      .set('X-CSRF-Token', alice.csrf)
      .send({ note: 'x'.repeat(1001) })
      .expect(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['note']);
  });

  it('documents If-Match and the 409 in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const save = res.body.paths['/api/v1/flows/{id}'].put;
    expect(Object.keys(save.responses)).toContain('409');
    expect(save.parameters.map((p: { name: string }) => p.name)).toContain('if-match');
    const publish = res.body.paths['/api/v1/flows/{id}/publish'].post;
    expect(Object.keys(publish.responses)).toContain('409');
  });
});
