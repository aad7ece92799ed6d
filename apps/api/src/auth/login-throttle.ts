import { Injectable } from '@nestjs/common';

const WINDOW_MS = 15 * 60_000;
/** Per account: slows guessing one person's password. */
const MAX_FAILURES_PER_EMAIL = 5;
/** Per address: higher, because a whole office may sit behind one NAT. */
const MAX_FAILURES_PER_IP = 30;

const limitFor = (key: string) =>
  key.startsWith('ip:') ? MAX_FAILURES_PER_IP : MAX_FAILURES_PER_EMAIL;

/**
 * Slows down password guessing: after 5 failed logins for one email (or 30 from one address)
 * within 15 minutes, further attempts get 429 until the window passes. In memory, per API
 * instance. Keys are `email:<address>` or `ip:<address>`.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Seconds to wait, or 0 when an attempt is allowed. */
  retryAfterSeconds(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      const oldest = recent[0];
      if (recent.length >= limitFor(key) && oldest !== undefined) {
        wait = Math.max(wait, Math.ceil((oldest + WINDOW_MS - now) / 1000));
      }
    }
    return wait;
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  }
}
