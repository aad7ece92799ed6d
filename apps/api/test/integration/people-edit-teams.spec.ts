import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

// Editing a person after creation: the teams they are in, set from the person's side.

describe('people API: a person’s teams', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let manager: TestUser;
  let rep: TestUser;
  let north: string;
  let south: string;
  let asAdmin: Awaited<ReturnType<ApiTestApp['signIn']>>;
  let asManager: Awaited<ReturnType<ApiTestApp['signIn']>>;

  const patch = (as: typeof asAdmin, id: string, body: object) =>
    as.agent.patch(`/api/v1/users/${id}`).set('X-CSRF-Token', as.csrf).send(body);

  beforeAll(async () => {
    t = await startApiTestApp('people-edit-teams');
    const db = t.db.dataSource;
    admin = await seedUser(db, 'admin', 'Ada Admin');
    manager = await seedUser(db, 'manager', 'Max Manager');
    rep = await seedUser(db, 'rep', 'Rita Rep');
    north = await seedTeam(db, manager.id, [rep.id]);
    south = await seedTeam(db, manager.id, []);
    asAdmin = await t.signIn(admin.email, admin.password);
    asManager = await t.signIn(manager.email, manager.password);
  });
  afterAll(() => t.close());

  it('puts a person in exactly the teams given, audited', async () => {
    const res = await patch(asAdmin, rep.id, { teamIds: [south, south] }).expect(200);
    expect(res.body.teams.map((x: { id: string }) => x.id)).toEqual([south]);
    const [entry] = (await t.db.dataSource.query(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'user.update'`,
      [rep.id],
    )) as { before: { teams: string[] }; after: { teams: string[] } }[];
    expect(entry).toEqual({ before: { teams: [north] }, after: { teams: [south] } });

    const both = await patch(asAdmin, rep.id, { teamIds: [north, south], capacity: 3 });
    expect(both.status).toBe(200);
    expect(both.body.teams).toHaveLength(2);
    expect(both.body.capacity).toBe(3);
    const none = await patch(asAdmin, rep.id, { teamIds: [] }).expect(200);
    expect(none.body.teams).toEqual([]);
  });

  it('refuses unknown teams and admins in teams with 400 naming teamIds', async () => {
    const unknown = await patch(asAdmin, rep.id, {
      teamIds: ['00000000-0000-4000-8000-000000000000'],
    }).expect(400);
    expect(unknown.body.issues).toEqual([
      { path: 'teamIds', message: expect.stringMatching(/there is no team/) },
    ]);
    const junk = await patch(asAdmin, rep.id, { teamIds: ['north'] }).expect(400);
    expect(junk.body.message).toMatch(/teamIds/);
    const adminInTeam = await patch(asAdmin, admin.id, { teamIds: [north] }).expect(400);
    expect(adminInTeam.body.message).toMatch(/teamIds: .*admins cannot own leads/);
  });

  it('lets a manager become an admin when leaving their teams in the same change', async () => {
    const other = await seedUser(t.db.dataSource, 'rep', 'Otto Other');
    await patch(asAdmin, other.id, { teamIds: [north] }).expect(200);
    await patch(asAdmin, other.id, { role: 'admin' }).expect(409);
    const res = await patch(asAdmin, other.id, { role: 'admin', teamIds: [] }).expect(200);
    expect(res.body).toMatchObject({ role: 'admin', teams: [] });
  });

  it('leaves team membership to admins: a manager gets 403', async () => {
    await patch(asAdmin, rep.id, { teamIds: [north] }).expect(200);
    const res = await patch(asManager, rep.id, { teamIds: [south] }).expect(403);
    expect(res.body.message).toMatch(/not teamIds/);
  });
});
