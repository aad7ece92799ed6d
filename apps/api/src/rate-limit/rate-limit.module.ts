import { Global, Module } from '@nestjs/common';
import { PasswordGuessThrottle } from './password-guess-throttle.service';
import { TokenBuckets } from './token-buckets.service';

/** Limits shared by every API replica (kept in PostgreSQL): intake budgets, password guesses. */
@Global()
@Module({
  providers: [TokenBuckets, PasswordGuessThrottle],
  exports: [TokenBuckets, PasswordGuessThrottle],
})
export class RateLimitModule {}
