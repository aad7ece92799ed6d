import { BadRequestException } from '@nestjs/common';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The optional Idempotency-Key header: printable ASCII, at most 200 characters. */
export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!KEY.test(raw)) {
    throw new BadRequestException({
      error: 'Bad Request',
      message: 'Idempotency-Key: use 1-200 printable ASCII characters without spaces',
      issues: [
        { path: 'Idempotency-Key', message: 'use 1-200 printable ASCII characters without spaces' },
      ],
    });
  }
  return raw;
}
