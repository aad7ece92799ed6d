import type { ApiTestApp } from './api-test-app';
import type { TestUser } from './seed-test-data';

/** Signs in and returns the session cookies as a Cookie header, for clients outside supertest. */
export async function sessionCookieOf(t: ApiTestApp, who: TestUser): Promise<string> {
  const res = await t
    .http()
    .post('/api/v1/auth/login')
    .send({ email: who.email, password: who.password })
    .expect(200);
  return ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
}
