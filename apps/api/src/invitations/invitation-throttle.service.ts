import { Inject, Injectable } from '@nestjs/common';
import { clientAddressKey } from '../rate-limit/client-address';
import { type BucketSpec, TokenBuckets } from '../rate-limit/token-buckets.service';
import { TooManyRequestsException } from '../rate-limit/too-many-requests.exception';

const WINDOW_SECONDS = 15 * 60;
/** Tries with unknown or spent links an address may make per 15 minutes. */
const TRIES_PER_ADDRESS = 30;

const bucketFor = (address: string | undefined): BucketSpec => ({
  key: `invitation:address:${clientAddressKey(address)}`,
  capacity: TRIES_PER_ADDRESS,
  perSecond: TRIES_PER_ADDRESS / WINDOW_SECONDS,
});

/**
 * The public invitation routes take no session, so an address pays for every try, the way
 * sign-in does; a link that works gives the token back, so only guessing runs out.
 */
@Injectable()
export class InvitationThrottle {
  constructor(@Inject(TokenBuckets) private readonly buckets: TokenBuckets) {}

  async attempt(address: string | undefined): Promise<void> {
    const [check] = await this.buckets.take([bucketFor(address)]);
    if (check && !check.allowed) {
      throw new TooManyRequestsException(
        `Too many tries with invitation links; try again in ${Math.ceil(check.retryAfterSeconds / 60)} min`,
        check.retryAfterSeconds,
      );
    }
  }

  async succeeded(address: string | undefined): Promise<void> {
    await this.buckets.refund([bucketFor(address).key]);
  }
}
