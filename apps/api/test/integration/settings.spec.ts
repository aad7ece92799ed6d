import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';

describe('/api/v1/settings', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let manager: TestUser;
  beforeAll(async () => {
    t = await startApiTestApp('settings');
    admin = await seedUser(t.db.dataSource, 'admin');
    manager = await seedUser(t.db.dataSource, 'manager');
  });
  afterAll(() => t.close());

  it('starts from defaults, lets an admin change them, and audits each change', async () => {
    const { agent, csrf } = await t.signIn(admin.email, admin.password);
    expect((await agent.get('/api/v1/settings').expect(200)).body).toEqual({
      averageDealValue: 0,
      defaultScheduleId: null,
    });
    const [schedule] = await t.db.dataSource.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('office', 'Europe/Berlin', '{}') RETURNING id`,
    );
    const res = await agent
      .patch('/api/v1/settings')
      .set('X-CSRF-Token', csrf)
      .send({ averageDealValue: 2500, defaultScheduleId: schedule.id })
      .expect(200);
    expect(res.body).toEqual({ averageDealValue: 2500, defaultScheduleId: schedule.id });
    // The metrics read the same row.
    const [row] = await t.db.dataSource.query(
      `SELECT value FROM settings WHERE key = 'metrics.averageDealValue'`,
    );
    expect(row.value).toBe(2500);
    const audit = await agent.get('/api/v1/audit?entityType=setting').expect(200);
    expect(
      audit.body.items.map((a: { entityId: string; before: unknown; after: unknown }) => [
        a.entityId,
        a.before,
        a.after,
      ]),
    ).toEqual(expect.arrayContaining([['averageDealValue', { value: 0 }, { value: 2500 }]]));
  });

  it('refuses bad values precisely and keeps changes to admins', async () => {
    const { agent, csrf } = await t.signIn(admin.email, admin.password);
    const negative = await agent
      .patch('/api/v1/settings')
      .set('X-CSRF-Token', csrf)
      .send({ averageDealValue: -1 })
      .expect(400);
    expect(negative.body.issues[0].path).toBe('averageDealValue');
    const unknown = await agent
      .patch('/api/v1/settings')
      .set('X-CSRF-Token', csrf)
      .send({ defaultScheduleId: '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60' })
      .expect(400);
    expect(unknown.body.message).toBe('defaultScheduleId: no such schedule');
    const m = await t.signIn(manager.email, manager.password);
    await m.agent.get('/api/v1/settings').expect(200);
    await m.agent
      .patch('/api/v1/settings')
      .set('X-CSRF-Token', m.csrf)
      .send({ averageDealValue: 1 })
      .expect(403);
  });
});
