import { Inject, Injectable } from '@nestjs/common';
import { clientAddressKey } from './client-address';
import { type BucketSpec, TokenBuckets } from './token-buckets.service';
import { TooManyRequestsException } from './too-many-requests.exception';

const WINDOW_SECONDS = 15 * 60;
/** Per account: slows guessing one person's password (5 guesses per 15 minutes). */
const GUESSES_PER_ACCOUNT = 5;
/** Per address: higher, because a whole office may sit behind one NAT. */
const GUESSES_PER_ADDRESS = 30;

/** Who is guessing: the account the password is for and, when known, the address it comes from. */
export interface PasswordAttempt {
  email: string;
  address?: string;
}

/**
 * Slows down password guessing, at sign-in and when changing one's password (which checks the
 * current one). Every attempt takes a token from the account's bucket and the address's before
 * the password is checked, in one atomic statement, so parallel guesses cannot slip past; the
 * right password gives them back. An empty bucket means 429 until it refills (one guess every
 * 3 minutes per account). In PostgreSQL, so API replicas share the budget; both ways of guessing
 * share the account's budget, so switching between them buys nothing.
 */
@Injectable()
export class PasswordGuessThrottle {
  constructor(@Inject(TokenBuckets) private readonly buckets: TokenBuckets) {}

  /** Counts an attempt, or refuses it with 429; `what` names such attempts in the message. */
  async attempt(attempt: PasswordAttempt, what: string): Promise<void> {
    const checks = await this.buckets.take(bucketsFor(attempt));
    const wait = Math.max(0, ...checks.map((c) => c.retryAfterSeconds));
    if (wait > 0) {
      throw new TooManyRequestsException(
        `Too many ${what}; try again in ${Math.ceil(wait / 60)} min`,
        wait,
      );
    }
  }

  /** The password was right: the account starts afresh and the address gets its token back. */
  async succeeded(attempt: PasswordAttempt): Promise<void> {
    const [account, ...addresses] = bucketsFor(attempt);
    await Promise.all([
      account && this.buckets.reset([account.key]),
      addresses.length > 0 && this.buckets.refund(addresses.map((b) => b.key)),
    ]);
  }
}

function bucketsFor(attempt: PasswordAttempt): BucketSpec[] {
  const account: BucketSpec = {
    key: `password:email:${attempt.email.toLowerCase()}`,
    capacity: GUESSES_PER_ACCOUNT,
    perSecond: GUESSES_PER_ACCOUNT / WINDOW_SECONDS,
  };
  if (attempt.address === undefined) return [account];
  return [
    account,
    {
      key: `password:address:${clientAddressKey(attempt.address)}`,
      capacity: GUESSES_PER_ADDRESS,
      perSecond: GUESSES_PER_ADDRESS / WINDOW_SECONDS,
    },
  ];
}
