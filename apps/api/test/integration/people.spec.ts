import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

// People: users, my availability, passwords, removal, the role matrix and the audit trail.

interface Session {
  agent: TestAgent;
  csrf: string;
}
type Method = 'post' | 'patch' | 'put' | 'delete';
const send = (s: Session, method: Method, url: string, body?: object) => {
  const req = s.agent[method](url).set('X-CSRF-Token', s.csrf);
  return body ? req.send(body) : req;
};

describe('people API: users', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let manager: TestUser;
  let member: TestUser; // a rep in the manager's team
  let outsider: TestUser; // a rep in no team the manager manages
  let teamId: string;
  const as: Record<'admin' | 'manager' | 'member' | 'outsider', Session> = {} as never;

  const auditFor = async (entityId: string) =>
    (await t.db.dataSource.query(
      `SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    )) as { action: string; actor_id: string | null; before: unknown; after: unknown }[];

  beforeAll(async () => {
    t = await startApiTestApp('people');
    const db = t.db.dataSource;
    admin = await seedUser(db, 'admin', 'Ada Admin');
    manager = await seedUser(db, 'manager', 'Max Manager');
    member = await seedUser(db, 'rep', 'Mia Member');
    outsider = await seedUser(db, 'rep', 'Otto Outsider');
    teamId = await seedTeam(db, manager.id, [member.id]);
    as.admin = await t.signIn(admin.email, admin.password);
    as.manager = await t.signIn(manager.email, manager.password);
    as.member = await t.signIn(member.email, member.password);
    as.outsider = await t.signIn(outsider.email, outsider.password);
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('creates a person with a lower-cased email and no password hash in the answer', async () => {
      const res = await send(as.admin, 'post', '/api/v1/users', {
        email: 'New.Rep@Example.COM',
        name: '  Nora New ',
        role: 'rep',
        password: 'correct horse battery',
        capacity: 5,
        skills: ['solar', 'solar', 'heat-pump'],
        territories: ['DE'],
        weight: 2,
      }).expect(201);
      expect(res.body).toMatchObject({
        email: 'new.rep@example.com',
        name: 'Nora New',
        role: 'rep',
        status: 'available',
        capacity: 5,
        weight: 2,
        skills: ['solar', 'heat-pump'],
        territories: ['DE'],
        scheduleId: null,
        teams: [],
        openLeads: 0,
        flag: null,
        canSignIn: true,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
      await t.signIn('new.rep@example.com', 'correct horse battery');

      const [entry] = await auditFor(res.body.id);
      expect(entry).toMatchObject({ action: 'user.create', actor_id: admin.id, before: null });
      expect(JSON.stringify(entry)).not.toMatch(/correct horse|argon2/);
    });

    it('creates a person who cannot sign in when no password is given', async () => {
      const res = await send(as.admin, 'post', '/api/v1/users', {
        email: 'imported@example.com',
        name: 'Ivy Imported',
        role: 'rep',
      }).expect(201);
      expect(res.body.canSignIn).toBe(false);
    });

    it.each([
      [
        'a short password',
        { password: 'too-short' },
        'password',
        'password must be at least 12 characters',
      ],
      ['a bad email', { email: 'not-an-email' }, 'email', 'email must be a valid address'],
      ['an unknown role', { role: 'owner' }, 'role', 'Invalid option'],
      ['a negative capacity', { capacity: -1 }, 'capacity', 'Too small'],
      ['an unknown field', { passwordHash: 'x' }, '', 'Unrecognized key: "passwordHash"'],
    ])('refuses %s with 400', async (_label, patch, path, message) => {
      const body = { email: 'valid@example.com', name: 'V', role: 'rep', ...patch };
      const res = await send(as.admin, 'post', '/api/v1/users', body).expect(400);
      expect(res.body.issues).toEqual(
        expect.arrayContaining([{ path, message: expect.stringContaining(message) }]),
      );
    });

    it('refuses an unknown schedule with 400', async () => {
      const res = await send(as.admin, 'post', '/api/v1/users', {
        email: 'sched@example.com',
        name: 'S',
        role: 'rep',
        scheduleId: '00000000-0000-4000-8000-000000000000',
      }).expect(400);
      expect(res.body.issues).toEqual([
        { path: 'scheduleId', message: expect.stringMatching(/no schedule/) },
      ]);
    });

    it('answers 409 to a duplicate email, whatever its case', async () => {
      const res = await send(as.admin, 'post', '/api/v1/users', {
        email: member.email.toUpperCase(),
        name: 'Dup',
        role: 'rep',
      }).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `There is already a person with the email ${member.email}`,
      });
    });
  });

  describe('read', () => {
    let source: { id: string };

    beforeAll(async () => {
      const db = t.db.dataSource;
      source = await seedSource(db);
      const lead = (status: string) =>
        db.query(
          `INSERT INTO leads (source_id, name, email, received_at, status, owner_id) VALUES ($1, 'L', 'l@x.co', now(), $2, $3)`,
          [source.id, status, member.id],
        );
      await lead('new');
      await lead('assigned');
      await lead('contacted');
      await db.query(
        `UPDATE users SET flagged_at = now(), flag_reason = '3 SLA breaches this week' WHERE id = $1`,
        [member.id],
      );
    });

    it('lists people with their teams, open lead count and flag', async () => {
      const res = await as.manager.agent.get('/api/v1/users').expect(200);
      const mia = res.body.items.find((u: { id: string }) => u.id === member.id);
      expect(mia).toMatchObject({
        name: 'Mia Member',
        teams: [{ id: teamId, name: expect.any(String) }],
        openLeads: 2,
        flag: { at: expect.any(String), reason: '3 SLA breaches this week' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password_?hash|argon2/i);
    });

    it.each([
      ['role=manager', (ids: string[]) => expect(ids).toEqual([manager.id])],
      ['team=TEAM', (ids: string[]) => expect(ids).toEqual([member.id])],
      ['flagged=true', (ids: string[]) => expect(ids).toEqual([member.id])],
      [
        'role=rep&status=available',
        (ids: string[]) => expect(ids).toEqual(expect.arrayContaining([member.id, outsider.id])),
      ],
    ])('filters by %s', async (query, check) => {
      const res = await as.admin.agent
        .get(`/api/v1/users?${query.replace('TEAM', teamId)}`)
        .expect(200);
      check(res.body.items.map((u: { id: string }) => u.id));
    });

    it('refuses bad filters with 400', async () => {
      const res = await as.admin.agent.get('/api/v1/users?status=busy').expect(400);
      expect(res.body.issues[0].path).toBe('status');
      await as.admin.agent.get('/api/v1/users?team=nope').expect(400);
    });

    it('shows one person to admins, managers and themself only', async () => {
      await as.admin.agent.get(`/api/v1/users/${member.id}`).expect(200);
      await as.manager.agent.get(`/api/v1/users/${member.id}`).expect(200);
      const self = await as.member.agent.get(`/api/v1/users/${member.id}`).expect(200);
      expect(self.body.openLeads).toBe(2);
      const other = await as.outsider.agent.get(`/api/v1/users/${member.id}`).expect(403);
      expect(other.body.message).toBe('Reps may see only their own profile');
      const list = await as.outsider.agent.get('/api/v1/users').expect(403);
      expect(list.body.message).toBe('This needs the role admin or manager');
      await as.admin.agent.get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
      await as.admin.agent.get('/api/v1/users/not-a-uuid').expect(400);
    });
  });

  describe('edit', () => {
    it('lets an admin change anything and audits only what changed', async () => {
      const target = await seedUser(t.db.dataSource, 'rep', 'Eve Edit');
      const res = await send(as.admin, 'patch', `/api/v1/users/${target.id}`, {
        name: 'Eve Edited',
        role: 'manager',
        weight: 3,
        email: 'Eve@Example.com',
      }).expect(200);
      expect(res.body).toMatchObject({
        name: 'Eve Edited',
        role: 'manager',
        weight: 3,
        email: 'eve@example.com',
      });
      const [entry] = await auditFor(target.id);
      expect(entry).toEqual({
        action: 'user.update',
        actor_id: admin.id,
        before: { name: 'Eve Edit', role: 'rep', weight: 1, email: target.email },
        after: { name: 'Eve Edited', role: 'manager', weight: 3, email: 'eve@example.com' },
      });
    });

    it('answers 409 to an email that someone else has', async () => {
      const res = await send(as.admin, 'patch', `/api/v1/users/${outsider.id}`, {
        email: member.email,
      }).expect(409);
      expect(res.body.message).toBe(`There is already a person with the email ${member.email}`);
    });

    it('keeps at least one admin and refuses admins in teams', async () => {
      const last = await send(as.admin, 'patch', `/api/v1/users/${admin.id}`, {
        role: 'rep',
      }).expect(409);
      expect(last.body.message).toBe(
        'Ada Admin is the only admin; make someone else an admin first',
      );
      const inTeam = await send(as.admin, 'patch', `/api/v1/users/${member.id}`, {
        role: 'admin',
      }).expect(409);
      expect(inTeam.body.message).toMatch(
        /Take Mia Member out of .* first: admins cannot own leads/,
      );
      const manages = await send(as.admin, 'patch', `/api/v1/users/${manager.id}`, {
        role: 'rep',
      }).expect(409);
      expect(manages.body.message).toMatch(
        /Max Manager manages .*; give those teams another manager first/,
      );
    });

    it('lets a manager change the availability of people in their team and clear a breach flag', async () => {
      const res = await send(as.manager, 'patch', `/api/v1/users/${member.id}`, {
        capacity: 8,
        skills: ['enterprise'],
        territories: ['NA'],
        outOfOfficeUntil: '2030-01-02T09:00:00+01:00',
        clearFlag: true,
      }).expect(200);
      expect(res.body).toMatchObject({
        capacity: 8,
        skills: ['enterprise'],
        territories: ['NA'],
        outOfOfficeUntil: '2030-01-02T08:00:00.000Z',
        flag: null,
      });
      const entry = (await auditFor(member.id)).find((e) => e.action === 'user.update');
      expect(entry).toMatchObject({ actor_id: manager.id, after: { flag: null, capacity: 8 } });
      expect((entry?.before as { flag: unknown }).flag).toMatchObject({
        reason: '3 SLA breaches this week',
      });
    });

    it('refuses a manager outside their teams and beyond availability fields', async () => {
      const outside = await send(as.manager, 'patch', `/api/v1/users/${outsider.id}`, {
        status: 'away',
      }).expect(403);
      expect(outside.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Managers may change only people in the teams they manage',
      });
      const role = await send(as.manager, 'patch', `/api/v1/users/${member.id}`, {
        role: 'manager',
        capacity: 3,
      }).expect(403);
      expect(role.body.message).toBe(
        'Managers may change only status, outOfOfficeUntil, capacity, skills, territories, scheduleId, clearFlag of people in their teams (not role)',
      );
    });

    it('lets a rep change only their own status and out-of-office', async () => {
      await send(as.outsider, 'patch', `/api/v1/users/${outsider.id}`, {
        status: 'away',
        outOfOfficeUntil: null,
      }).expect(200);
      const capacity = await send(as.outsider, 'patch', `/api/v1/users/${outsider.id}`, {
        capacity: 99,
      }).expect(403);
      expect(capacity.body.message).toBe(
        'You may change only your own status, outOfOfficeUntil (not capacity)',
      );
      const other = await send(as.outsider, 'patch', `/api/v1/users/${member.id}`, {
        status: 'away',
      }).expect(403);
      expect(other.body.message).toBe('You may change only your own availability');
      await send(as.outsider, 'patch', `/api/v1/users/${outsider.id}`, {
        status: 'available',
      }).expect(200);
    });

    it('refuses an empty or malformed change with 400', async () => {
      const empty = await send(as.admin, 'patch', `/api/v1/users/${member.id}`, {}).expect(400);
      expect(empty.body.message).toBe('send at least one field to change');
      const ooo = await send(as.admin, 'patch', `/api/v1/users/${member.id}`, {
        outOfOfficeUntil: 'tomorrow',
      }).expect(400);
      expect(ooo.body.issues[0].path).toBe('outOfOfficeUntil');
      await send(as.admin, 'patch', `/api/v1/users/${member.id}`, { clearFlag: false }).expect(400);
    });

    it('needs the CSRF token for writes', async () => {
      await as.admin.agent.patch(`/api/v1/users/${member.id}`).send({ status: 'away' }).expect(403);
    });
  });

  describe('my availability', () => {
    it('reads and changes the signed-in person’s status and out-of-office', async () => {
      const before = await as.outsider.agent.get('/api/v1/me/availability').expect(200);
      expect(before.body).toEqual({
        status: 'available',
        outOfOfficeUntil: null,
        capacity: null,
        skills: [],
        territories: [],
        scheduleId: null,
        openLeads: 0,
        flag: null,
      });
      const res = await send(as.outsider, 'patch', '/api/v1/me/availability', {
        status: 'away',
        outOfOfficeUntil: '2030-05-01T00:00:00Z',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'away',
        outOfOfficeUntil: '2030-05-01T00:00:00.000Z',
      });
      const [row] = await t.db.dataSource.query(`SELECT status FROM users WHERE id = $1`, [
        outsider.id,
      ]);
      expect(row.status).toBe('away');
      const entry = (await auditFor(outsider.id)).pop();
      expect(entry).toMatchObject({
        action: 'user.update',
        actor_id: outsider.id,
        after: { status: 'away' },
      });
      await send(as.outsider, 'patch', '/api/v1/me/availability', {
        status: 'available',
        outOfOfficeUntil: null,
      }).expect(200);
    });

    it('accepts nothing but status and outOfOfficeUntil', async () => {
      const res = await send(as.member, 'patch', '/api/v1/me/availability', {
        capacity: 50,
      }).expect(400);
      expect(res.body.message).toBe('Unrecognized key: "capacity"');
    });
  });

  describe('passwords', () => {
    it('lets an admin set anyone’s password and signs that person out elsewhere', async () => {
      const target = await seedUser(t.db.dataSource, 'rep');
      const old = await t.signIn(target.email, target.password);
      await send(as.admin, 'post', `/api/v1/users/${target.id}/password`, {
        newPassword: 'a brand new secret',
      }).expect(204);
      await old.agent.get('/api/v1/auth/me').expect(401);
      await t.signIn(target.email, 'a brand new secret');
      const entries = await auditFor(target.id);
      expect(entries.pop()).toMatchObject({ action: 'user.password_change', actor_id: admin.id });
      expect(JSON.stringify(entries)).not.toMatch(/brand new secret|argon2/);
    });

    it('lets people change their own with the current password, keeping this session only', async () => {
      const me = await seedUser(t.db.dataSource, 'rep');
      const here = await t.signIn(me.email, me.password);
      const elsewhere = await t.signIn(me.email, me.password);
      const missing = await send(here, 'post', `/api/v1/users/${me.id}/password`, {
        newPassword: 'my new passphrase',
      }).expect(400);
      expect(missing.body.issues).toEqual([
        { path: 'currentPassword', message: 'send your current password to change it' },
      ]);
      const wrong = await send(here, 'post', `/api/v1/users/${me.id}/password`, {
        currentPassword: 'not it at all',
        newPassword: 'my new passphrase',
      }).expect(403);
      expect(wrong.body.message).toBe('The current password is wrong');
      await send(here, 'post', `/api/v1/users/${me.id}/password`, {
        currentPassword: me.password,
        newPassword: 'my new passphrase',
      }).expect(204);
      await here.agent.get('/api/v1/auth/me').expect(200);
      await elsewhere.agent.get('/api/v1/auth/me').expect(401);
      await t.signIn(me.email, 'my new passphrase');
    });

    it('refuses short passwords and other people’s passwords', async () => {
      const short = await send(as.admin, 'post', `/api/v1/users/${member.id}/password`, {
        newPassword: 'short',
      }).expect(400);
      expect(short.body.issues).toEqual([
        { path: 'newPassword', message: 'password must be at least 12 characters' },
      ]);
      const other = await send(as.manager, 'post', `/api/v1/users/${member.id}/password`, {
        newPassword: 'long enough password',
      }).expect(403);
      expect(other.body.message).toBe("Only an admin may set another person's password");
    });
  });

  describe('remove', () => {
    it('deletes a person without history', async () => {
      const created = await send(as.admin, 'post', '/api/v1/users', {
        email: 'typo@example.com',
        name: 'Typo',
        role: 'rep',
      }).expect(201);
      const res = await send(as.admin, 'delete', `/api/v1/users/${created.body.id}`).expect(200);
      expect(res.body).toEqual({ outcome: 'deleted', user: null, message: 'Typo was deleted' });
      await as.admin.agent.get(`/api/v1/users/${created.body.id}`).expect(404);
      expect((await auditFor(created.body.id)).map((e) => e.action)).toEqual([
        'user.create',
        'user.delete',
      ]);
    });

    it('deactivates a person who owns leads: away, out of teams, signed out, leads kept', async () => {
      const db = t.db.dataSource;
      const leaver = await seedUser(db, 'manager', 'Lee Leaver');
      const ledTeam = await seedTeam(db, leaver.id, [leaver.id]);
      const source = await seedSource(db);
      const [lead] = await db.query(
        `INSERT INTO leads (source_id, name, email, received_at, status, owner_id) VALUES ($1, 'L', 'l@x.co', now(), 'assigned', $2) RETURNING id`,
        [source.id, leaver.id],
      );
      const session = await t.signIn(leaver.email, leaver.password);

      const res = await send(as.admin, 'delete', `/api/v1/users/${leaver.id}`).expect(200);
      expect(res.body.outcome).toBe('deactivated');
      expect(res.body.user).toMatchObject({
        status: 'away',
        teams: [],
        canSignIn: false,
        openLeads: 1,
      });
      expect(res.body.message).toMatch(/deactivated instead of deleted.*still own 1 open lead/);
      await session.agent.get('/api/v1/auth/me').expect(401);
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: leaver.email, password: leaver.password })
        .expect(401);
      const [team] = await db.query(`SELECT manager_id FROM teams WHERE id = $1`, [ledTeam]);
      expect(team.manager_id).toBeNull();
      const [kept] = await db.query(`SELECT owner_id FROM leads WHERE id = $1`, [lead.id]);
      expect(kept.owner_id).toBe(leaver.id);
      expect((await auditFor(leaver.id)).pop()).toMatchObject({
        action: 'user.deactivate',
        actor_id: admin.id,
      });
    });

    it('refuses removing yourself and non-admins', async () => {
      const self = await send(as.admin, 'delete', `/api/v1/users/${admin.id}`).expect(409);
      expect(self.body.message).toBe('You cannot remove yourself; ask another admin');
      const byManager = await send(as.manager, 'delete', `/api/v1/users/${member.id}`).expect(403);
      expect(byManager.body.message).toBe('This needs the role admin');
    });
  });

  describe('role matrix', () => {
    type Actor = 'admin' | 'manager' | 'rep';
    const session = (actor: Actor) => (actor === 'rep' ? as.outsider : as[actor]);
    const self = (actor: Actor) => ({ admin, manager, rep: outsider })[actor].id;
    const ADMIN_ONLY = 'This needs the role admin';

    const actions: Record<
      string,
      (actor: Actor) => Promise<{ status: number; body: { message?: string } }>
    > = {
      'create a user': (actor) =>
        send(session(actor), 'post', '/api/v1/users', {
          email: `matrix-${actor}@example.com`,
          name: `Matrix ${actor}`,
          role: 'rep',
        }),
      "edit another user's availability": (actor) =>
        send(session(actor), 'patch', `/api/v1/users/${member.id}`, { status: 'available' }),
      'edit own availability': (actor) =>
        send(session(actor), 'patch', `/api/v1/users/${self(actor)}`, { status: 'available' }),
      'create a source': (actor) =>
        send(session(actor), 'post', '/api/v1/sources', {
          slug: `matrix-${actor}`,
          name: 'Matrix',
        }),
      'rotate a source key': async (actor) => {
        const source = await seedSource(t.db.dataSource);
        return send(session(actor), 'post', `/api/v1/sources/${source.id}/rotate-key`);
      },
      'read sources': (actor) => session(actor).agent.get('/api/v1/sources'),
    };

    it.each<[string, Actor, number, string | null]>([
      ['create a user', 'admin', 201, null],
      ['create a user', 'manager', 403, ADMIN_ONLY],
      ['create a user', 'rep', 403, ADMIN_ONLY],
      ["edit another user's availability", 'admin', 200, null],
      ["edit another user's availability", 'manager', 200, null],
      ["edit another user's availability", 'rep', 403, 'You may change only your own availability'],
      ['edit own availability', 'admin', 200, null],
      ['edit own availability', 'manager', 200, null],
      ['edit own availability', 'rep', 200, null],
      ['create a source', 'admin', 201, null],
      ['create a source', 'manager', 403, ADMIN_ONLY],
      ['create a source', 'rep', 403, ADMIN_ONLY],
      ['rotate a source key', 'admin', 200, null],
      ['rotate a source key', 'manager', 403, ADMIN_ONLY],
      ['rotate a source key', 'rep', 403, ADMIN_ONLY],
      ['read sources', 'admin', 200, null],
      ['read sources', 'manager', 200, null],
      ['read sources', 'rep', 403, 'This needs the role admin or manager'],
    ])('%s as %s → %i', async (action, actor, status, message) => {
      const res = await actions[action]?.(actor);
      expect(res?.status).toBe(status);
      if (message) expect(res?.body).toEqual({ statusCode: 403, error: 'Forbidden', message });
    });
  });

  it('documents the people routes in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/users/{id}/password',
        '/api/v1/me/availability',
        '/api/v1/teams/{id}/members',
        '/api/v1/schedules/{id}/preview',
        '/api/v1/sources/{id}/rotate-key',
      ]),
    );
    expect(Object.keys(res.body.paths['/api/v1/sources'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409']),
    );
  });
});
