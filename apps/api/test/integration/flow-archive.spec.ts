import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestUser } from '../support/seed-test-data';

interface Agent {
  agent: TestAgent;
  csrf: string;
}

describe('archiving flows', () => {
  let t: ApiTestApp;
  let manager: TestUser;
  let rep: TestUser;
  let as: Record<'manager' | 'rep', Agent>;
  const db = () => t.db.dataSource;
  const post = (who: Agent, url: string) => who.agent.post(url).set('X-CSRF-Token', who.csrf);

  beforeAll(async () => {
    t = await startApiTestApp('flow-archive');
    manager = await seedUser(db(), 'manager', 'Maya Manager');
    rep = await seedUser(db(), 'rep', 'Riley Rep');
    as = {
      manager: await t.signIn(manager.email, manager.password),
      rep: await t.signIn(rep.email, rep.password),
    };
  });
  afterAll(() => t?.close());

  const createFlow = async (name: string) =>
    (await post(as.manager, '/api/v1/flows').send({ name }).expect(201)).body as { id: string };

  it('archives and restores a flow, audited, and says so in the list and the detail', async () => {
    const flow = await createFlow('Old campaign');
    const archived = await post(as.manager, `/api/v1/flows/${flow.id}/archive`).expect(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    // Twice is the same answer, not an error.
    const again = await post(as.manager, `/api/v1/flows/${flow.id}/archive`).expect(200);
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);

    const list = await as.manager.agent.get('/api/v1/flows').expect(200);
    const item = list.body.items.find((i: { id: string }) => i.id === flow.id);
    expect(item.archivedAt).toBe(archived.body.archivedAt);

    const restored = await post(as.manager, `/api/v1/flows/${flow.id}/restore`).expect(200);
    expect(restored.body.archivedAt).toBeNull();
    const audit = await db().query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'flow.%' ORDER BY id`,
      [flow.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'flow.create',
      'flow.archive',
      'flow.restore',
    ]);
  });

  it('refuses to archive a flow a source feeds, naming the source, and no source may be pointed at an archived one', async () => {
    const fed = await createFlow('Website leads');
    const source = await seedSource(db(), 'archive-site');
    await db().query(`UPDATE sources SET flow_id = $1, name = 'Website form' WHERE id = $2`, [
      fed.id,
      source.id,
    ]);
    const refused = await post(as.manager, `/api/v1/flows/${fed.id}/archive`).expect(409);
    expect(refused.body.message).toContain('"Website form"');
    const [row] = await db().query(`SELECT archived_at FROM flows WHERE id = $1`, [fed.id]);
    expect(row.archived_at).toBeNull();

    const shelved = await createFlow('Shelved');
    await post(as.manager, `/api/v1/flows/${shelved.id}/archive`).expect(200);
    const admin = await seedUser(db(), 'admin', 'Ada Admin');
    const asAdmin = await t.signIn(admin.email, admin.password);
    const pointed = await asAdmin.agent
      .patch(`/api/v1/sources/${source.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ flowId: shelved.id });
    expect(pointed.status).toBe(400);
    expect(pointed.body.issues).toEqual([
      expect.objectContaining({ path: 'flowId', message: expect.stringContaining('archived') }),
    ]);
  });

  it('lets only managers and admins archive, and answers 404 for an unknown flow', async () => {
    const flow = await createFlow('Not yours');
    await post(as.rep, `/api/v1/flows/${flow.id}/archive`).expect(403);
    await post(as.manager, `/api/v1/flows/00000000-0000-4000-8000-000000000000/archive`).expect(
      404,
    );
    await post(as.manager, `/api/v1/flows/not-a-uuid/restore`).expect(400);
  });
});
