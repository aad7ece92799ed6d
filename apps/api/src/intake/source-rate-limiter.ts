import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * A token bucket per source (per API instance): bursts up to the per-minute limit, refilled
 * continuously. Past it: 429 with Retry-After, so well-behaved senders back off and retry.
 */
@Injectable()
export class SourceRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  take(sourceId: string, now = Date.now()): void {
    const limit = this.config.INTAKE_RATE_LIMIT_PER_MINUTE;
    const perMs = limit / 60_000;
    const bucket = this.buckets.get(sourceId) ?? { tokens: limit, at: now };
    bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(sourceId, bucket);
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new HttpException(
        {
          error: 'Too Many Requests',
          message: `This source sends more than ${limit} leads a minute; retry in ${retryAfter} s`,
          retryAfter,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    bucket.tokens -= 1;
    this.buckets.set(sourceId, bucket);
  }
}
