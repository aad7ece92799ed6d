import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

/** A 400 that names the field, in the same shape as a schema validation error. */
export const invalidField = (path: string, message: string): BadRequestException =>
  new BadRequestException({
    error: 'Bad Request',
    message: `${path}: ${message}`,
    issues: [{ path, message }],
  });

export const conflict = (message: string): ConflictException =>
  new ConflictException({ error: 'Conflict', message });

export const notFound = (message: string): NotFoundException =>
  new NotFoundException({ error: 'Not Found', message });

/** PostgreSQL error code of a failed query (23505 unique violation, 23503 foreign key, …). */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (error: unknown): boolean => pgErrorCode(error) === '23505';
