import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { clientAddressKey } from '../rate-limit/client-address';
import { TokenBuckets } from '../rate-limit/token-buckets.service';
import { TooManyRequestsException } from '../rate-limit/too-many-requests.exception';

/**
 * Intake budgets, as token buckets shared by every API replica (bursts up to the per-minute
 * limit, refilled continuously). Past one: 429 with Retry-After, so well-behaved senders back off.
 *
 * Keyed intake and public forms never share a bucket: anyone can post to a form (an allowed
 * Origin is easy to fake outside a browser), so form posts, bots' included, spend a budget per
 * client address per source, and cannot use up the source's own budget for its API key.
 */
@Injectable()
export class SourceRateLimiter {
  constructor(
    @Inject(TokenBuckets) private readonly buckets: TokenBuckets,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** POST /api/v1/leads with the source's API key. */
  async takeKeyed(sourceId: string): Promise<void> {
    const limit = this.config.INTAKE_RATE_LIMIT_PER_MINUTE;
    const wait = await this.take(`intake:source:${sourceId}`, limit);
    if (wait > 0) {
      throw new TooManyRequestsException(
        `This source sends more than ${limit} leads a minute; retry in ${wait} s`,
        wait,
      );
    }
  }

  /** POST /api/v1/intake/:slug from a public form, by the client's address (req.ip). */
  async takeForm(sourceId: string, clientAddress: string | undefined): Promise<void> {
    const limit = this.config.INTAKE_FORM_RATE_LIMIT_PER_MINUTE;
    const wait = await this.take(
      `intake:form:${sourceId}:${clientAddressKey(clientAddress)}`,
      limit,
    );
    if (wait > 0) {
      throw new TooManyRequestsException(
        `More than ${limit} form posts a minute came from your address; retry in ${wait} s`,
        wait,
      );
    }
  }

  private async take(key: string, perMinute: number): Promise<number> {
    const [check] = await this.buckets.take([
      { key, capacity: perMinute, perSecond: perMinute / 60 },
    ]);
    return check?.retryAfterSeconds ?? 0;
  }
}
