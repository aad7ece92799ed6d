import { ApiHeader } from '@nestjs/swagger';

/**
 * Documents the optional Idempotency-Key header (see http/idempotency-key.ts). Without it the
 * document would list the `@Headers('idempotency-key')` parameter as required.
 */
export const ApiIdempotencyKeyHeader = () =>
  ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'A retry with the same key takes effect once and gets the same answer',
    // parseIdempotencyKey: 1-200 printable ASCII characters, no spaces.
    schema: { type: 'string', pattern: '^[!-~]{1,200}$' },
  });
