import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const keys = ['email:ada@example.com', 'ip:127.0.0.1'];

  it('allows four failures, then blocks the fifth attempt for the rest of the window', () => {
    const t = new LoginThrottle();
    const start = 1_000_000;
    for (let i = 0; i < 4; i++) t.recordFailure(keys, start + i);
    expect(t.retryAfterSeconds(keys, start + 10)).toBe(0);
    t.recordFailure(keys, start + 4);
    expect(t.retryAfterSeconds(keys, start + 10)).toBe(900);
    expect(t.retryAfterSeconds(keys, start + 15 * 60_000 + 5)).toBe(0);
  });

  it('lets other people behind the same address sign in after one account is locked', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) t.recordFailure(keys, i);
    expect(t.retryAfterSeconds(keys, 10)).toBeGreaterThan(0);
    expect(t.retryAfterSeconds(['email:other@example.com', 'ip:127.0.0.1'], 10)).toBe(0);
  });

  it('blocks an address after 30 failures across any accounts', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 30; i++)
      t.recordFailure([`email:user${i}@example.com`, 'ip:203.0.113.7'], i);
    expect(t.retryAfterSeconds(['email:fresh@example.com', 'ip:203.0.113.7'], 40)).toBeGreaterThan(
      0,
    );
    expect(t.retryAfterSeconds(['email:fresh@example.com', 'ip:198.51.100.1'], 40)).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) t.recordFailure(keys, i);
    t.reset(keys);
    expect(t.retryAfterSeconds(keys, 10)).toBe(0);
  });
});
