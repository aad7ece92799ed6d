import type { CurrentUser } from '@baton/api-contract';
import { demoPeople, seedDemo } from '../../src/seed/demo-seed';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

describe('the demo seed: every demo person can sign in and try their role', () => {
  let t: ApiTestApp;
  const first = { password: 'demo-first-password-1', apiKey: 'bat_demo-first-key-0123456789' };
  const second = { password: 'demo-second-password-2', apiKey: 'bat_demo-second-key-012345678' };

  beforeAll(async () => {
    t = await startApiTestApp('demo-seed');
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('seeds an admin, a manager and reps, each signing in with the demo password as their role', async () => {
    await seedDemo(t.db.dataSource, first);
    expect(new Set(demoPeople.map((p) => p.role))).toEqual(new Set(['admin', 'manager', 'rep']));
    for (const person of demoPeople) {
      const res = await signIn(person.email, first.password);
      expect({ email: person.email, status: res.status }).toEqual({
        email: person.email,
        status: 200,
      });
      expect((res.body as CurrentUser).role).toBe(person.role);
    }
  });

  it('on a later start takes the password now in the credentials file, for everyone', async () => {
    await seedDemo(t.db.dataSource, second);
    for (const person of demoPeople) {
      expect((await signIn(person.email, second.password)).status).toBe(200);
      expect((await signIn(person.email, first.password)).status).toBe(401);
    }
    // Seeded once: no second team or flow.
    const [counts]: { teams: number; flows: number }[] = await t.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM teams) AS teams, (SELECT count(*)::int FROM flows) AS flows`,
    );
    expect(counts).toEqual({ teams: 1, flows: 1 });
  });
});
