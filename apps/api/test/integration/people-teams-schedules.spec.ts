import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';

interface Session {
  agent: TestAgent;
  csrf: string;
}
type Method = 'post' | 'patch' | 'put' | 'delete';
const send = (s: Session, method: Method, url: string, body?: object) => {
  const req = s.agent[method](url).set('X-CSRF-Token', s.csrf);
  return body ? req.send(body) : req;
};

const weekdays = [{ start: '09:00', end: '17:00' }];
const officeHours = {
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
  holidays: ['2026-12-25'],
};

describe('people API: teams and schedules', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let manager: TestUser;
  let rep1: TestUser;
  let rep2: TestUser;
  let asAdmin: Session;
  let asManager: Session;
  let asRep: Session;

  const audit = (entityId: string) =>
    t.db.dataSource.query(
      `SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    ) as Promise<{ action: string; before: unknown; after: unknown }[]>;

  beforeAll(async () => {
    t = await startApiTestApp('people-org');
    const db = t.db.dataSource;
    admin = await seedUser(db, 'admin', 'Ada Admin');
    manager = await seedUser(db, 'manager', 'Max Manager');
    rep1 = await seedUser(db, 'rep', 'Rae One');
    rep2 = await seedUser(db, 'rep', 'Rob Two');
    asAdmin = await t.signIn(admin.email, admin.password);
    asManager = await t.signIn(manager.email, manager.password);
    asRep = await t.signIn(rep1.email, rep1.password);
  });
  afterAll(() => t.close());

  describe('schedules', () => {
    let scheduleId: string;

    it('lets a manager create a schedule validated by the flow language', async () => {
      const res = await send(asManager, 'post', '/api/v1/schedules', officeHours).expect(201);
      expect(res.body).toMatchObject({ ...officeHours, usedBy: { users: 0, teams: 0 } });
      scheduleId = res.body.id;
      expect((await audit(scheduleId))[0]).toMatchObject({
        action: 'schedule.create',
        after: { name: 'Berlin office' },
      });
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone', /unknown time zone/],
      ['no opening at all', { weekly: {} }, 'weekly', /at least one opening/],
      [
        'a bad time',
        { weekly: { mon: [{ start: '9:00', end: '17:00' }] } },
        'weekly.mon.0.start',
        /HH:mm/,
      ],
      ['a typo in a day', { weekly: { monday: weekdays } }, 'weekly', /monday/],
      ['a bad holiday', { holidays: ['25.12.2026'] }, 'holidays.0', /2026-12-25/],
      ['an empty name', { name: ' ' }, 'name', /must not be empty/],
    ])('refuses %s with 400', async (_label, patch, path, message) => {
      const res = await send(asAdmin, 'post', '/api/v1/schedules', {
        ...officeHours,
        ...patch,
      }).expect(400);
      expect(res.body.issues).toEqual(
        expect.arrayContaining([{ path, message: expect.stringMatching(message) }]),
      );
    });

    it('lists, reads and replaces schedules; reps may not', async () => {
      const list = await asAdmin.agent.get('/api/v1/schedules').expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toContain(scheduleId);
      await asManager.agent.get(`/api/v1/schedules/${scheduleId}`).expect(200);
      const replaced = await send(asManager, 'put', `/api/v1/schedules/${scheduleId}`, {
        ...officeHours,
        name: 'Berlin office (short Fridays)',
        weekly: { ...officeHours.weekly, fri: [{ start: '09:00', end: '13:00' }] },
      }).expect(200);
      expect(replaced.body.weekly.fri).toEqual([{ start: '09:00', end: '13:00' }]);
      const entry = (await audit(scheduleId)).pop();
      expect(entry).toMatchObject({ action: 'schedule.update', before: { name: 'Berlin office' } });
      expect(Object.keys(entry?.after as object).sort()).toEqual(['name', 'weekly']);

      const denied = await asRep.agent.get('/api/v1/schedules').expect(403);
      expect(denied.body.message).toBe('This needs the role admin or manager');
      await send(asRep, 'post', '/api/v1/schedules', officeHours).expect(403);
      await asAdmin.agent.get('/api/v1/schedules/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('previews the openings of a week for drawing', async () => {
      // Sunday 2026-12-20 12:00 UTC; Friday the 25th is a holiday.
      const res = await asManager.agent
        .get(`/api/v1/schedules/${scheduleId}/preview?from=2026-12-20T12:00:00Z`)
        .expect(200);
      expect(res.body).toEqual({
        scheduleId,
        timeZone: 'Europe/Berlin',
        from: '2026-12-20T12:00:00.000Z',
        to: '2026-12-27T12:00:00.000Z',
        openAtFrom: false,
        nextOpening: '2026-12-21T08:00:00.000Z',
        nextClosing: null,
        openings: [21, 22, 23, 24].map((d) => ({
          start: `2026-12-${d}T08:00:00.000Z`,
          end: `2026-12-${d}T16:00:00.000Z`,
        })),
      });
      const now = await asManager.agent.get(`/api/v1/schedules/${scheduleId}/preview`).expect(200);
      expect(now.body.openings.length).toBeGreaterThan(0);
      const bad = await asManager.agent
        .get(`/api/v1/schedules/${scheduleId}/preview?from=yesterday`)
        .expect(400);
      expect(bad.body.issues[0].path).toBe('from');
    });

    it('refuses to delete a schedule in use, deletes an unused one', async () => {
      await t.db.dataSource.query(`UPDATE users SET schedule_id = $1 WHERE id = $2`, [
        scheduleId,
        rep2.id,
      ]);
      const inUse = await send(asAdmin, 'delete', `/api/v1/schedules/${scheduleId}`).expect(409);
      expect(inUse.body.message).toBe(
        '"Berlin office (short Fridays)" is used by 1 person(s); move them to another schedule first',
      );
      const spare = await send(asAdmin, 'post', '/api/v1/schedules', {
        ...officeHours,
        name: 'Spare',
      }).expect(201);
      await send(asManager, 'delete', `/api/v1/schedules/${spare.body.id}`).expect(204);
      await asAdmin.agent.get(`/api/v1/schedules/${spare.body.id}`).expect(404);
      expect((await audit(spare.body.id)).map((e) => e.action)).toEqual([
        'schedule.create',
        'schedule.delete',
      ]);
    });
  });

  describe('teams', () => {
    let teamId: string;
    let scheduleId: string;

    beforeAll(async () => {
      const res = await send(asAdmin, 'post', '/api/v1/schedules', {
        ...officeHours,
        name: 'Team hours',
      }).expect(201);
      scheduleId = res.body.id;
    });

    it('creates a team with a manager, a schedule and members', async () => {
      const res = await send(asAdmin, 'post', '/api/v1/teams', {
        name: 'Inbound',
        managerId: manager.id,
        scheduleId,
        memberIds: [rep1.id, rep1.id],
      }).expect(201);
      expect(res.body).toMatchObject({
        name: 'Inbound',
        managerId: manager.id,
        manager: { id: manager.id, name: 'Max Manager' },
        scheduleId,
        members: [{ id: rep1.id, name: 'Rae One', role: 'rep', status: 'available' }],
      });
      teamId = res.body.id;
      expect((await audit(teamId))[0]).toMatchObject({
        action: 'team.create',
        after: { name: 'Inbound', managerId: manager.id, memberIds: [rep1.id] },
      });
    });

    it.each([
      ['a taken name', { name: 'Inbound' }, 409, 'There is already a team called "Inbound"'],
      [
        'a rep as manager',
        { name: 'X', managerId: 'REP' },
        400,
        'managerId: Rob Two is a rep; a team manager must be a manager or an admin',
      ],
      [
        'an admin as member',
        { name: 'Y', memberIds: ['ADMIN'] },
        400,
        'memberIds: "Ada Admin": admins cannot own leads, so they cannot be team members',
      ],
      [
        'an unknown schedule',
        { name: 'Z', scheduleId: '00000000-0000-4000-8000-000000000000' },
        400,
        'scheduleId: there is no schedule 00000000-0000-4000-8000-000000000000',
      ],
    ])('refuses %s', async (_label, body, status, message) => {
      const withIds = JSON.parse(
        JSON.stringify(body).replace('REP', rep2.id).replace('ADMIN', admin.id),
      );
      const res = await send(asAdmin, 'post', '/api/v1/teams', withIds).expect(status);
      expect(res.body.message).toBe(message);
    });

    it('lets managers read teams, not change them; reps neither', async () => {
      const list = await asManager.agent.get('/api/v1/teams').expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(teamId);
      await asManager.agent.get(`/api/v1/teams/${teamId}`).expect(200);
      const write = await send(asManager, 'patch', `/api/v1/teams/${teamId}`, {
        name: 'Mine',
      }).expect(403);
      expect(write.body.message).toBe('This needs the role admin');
      await send(asManager, 'put', `/api/v1/teams/${teamId}/members`, { userIds: [] }).expect(403);
      await asRep.agent.get('/api/v1/teams').expect(403);
    });

    it('renames a team and replaces its members', async () => {
      const renamed = await send(asAdmin, 'patch', `/api/v1/teams/${teamId}`, {
        name: 'Inbound EMEA',
        scheduleId: null,
      }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Inbound EMEA', scheduleId: null });
      const members = await send(asAdmin, 'put', `/api/v1/teams/${teamId}/members`, {
        userIds: [rep2.id, manager.id],
      }).expect(200);
      expect(members.body.members.map((m: { id: string }) => m.id).sort()).toEqual(
        [rep2.id, manager.id].sort(),
      );
      const users = await asAdmin.agent.get(`/api/v1/users?team=${teamId}`).expect(200);
      expect(users.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
        [rep2.id, manager.id].sort(),
      );
      const entries = await audit(teamId);
      expect(entries.map((e) => e.action)).toEqual([
        'team.create',
        'team.update',
        'team.members_set',
      ]);
      expect(entries[2]).toMatchObject({ before: { memberIds: [rep1.id] } });
      // The manager now manages rep2 and may change their availability.
      await send(asManager, 'patch', `/api/v1/users/${rep2.id}`, { capacity: 4 }).expect(200);
      await send(asManager, 'patch', `/api/v1/users/${rep1.id}`, { capacity: 4 }).expect(403);
    });

    it('refuses bad member lists with 400', async () => {
      const res = await send(asAdmin, 'put', `/api/v1/teams/${teamId}/members`, {
        userIds: ['nope'],
      }).expect(400);
      expect(res.body.issues[0]).toEqual({
        path: 'userIds.0',
        message: 'userIds must be an id (uuid)',
      });
      const unknown = await send(asAdmin, 'put', `/api/v1/teams/${teamId}/members`, {
        userIds: ['00000000-0000-4000-8000-000000000000'],
      }).expect(400);
      expect(unknown.body.message).toBe(
        'userIds: there is no person 00000000-0000-4000-8000-000000000000',
      );
    });

    it('refuses to delete a team a flow routes to, deletes it otherwise', async () => {
      const graph = {
        nodes: [{ id: 'a', type: 'assign', data: { config: { teamId } } }],
        edges: [],
      };
      const [flow] = await t.db.dataSource.query(
        `INSERT INTO flows (name, draft_graph) VALUES ('Routing', $1) RETURNING id`,
        [JSON.stringify(graph)],
      );
      const used = await send(asAdmin, 'delete', `/api/v1/teams/${teamId}`).expect(409);
      expect(used.body.message).toBe(
        'Flow "Routing" routes to "Inbound EMEA"; change the flow first',
      );
      await t.db.dataSource.query(`DELETE FROM flows WHERE id = $1`, [flow.id]);
      await send(asAdmin, 'delete', `/api/v1/teams/${teamId}`).expect(204);
      await asAdmin.agent.get(`/api/v1/teams/${teamId}`).expect(404);
      expect((await audit(teamId)).pop()).toMatchObject({
        action: 'team.delete',
        before: { name: 'Inbound EMEA' },
      });
    });
  });
});
