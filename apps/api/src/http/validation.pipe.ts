import { BadRequestException, StandardSchemaValidationPipe } from '@nestjs/common';

/**
 * Validates every `@Body({ schema })`, `@Query({ schema })`, `@Param(..., { schema })` with its zod
 * schema and answers 400 with each problem's field path and reason.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) => {
      const list = issues.map((issue) => ({
        path: (issue.path ?? [])
          .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
          .map(String)
          .join('.'),
        message: issue.message,
      }));
      const first = list[0];
      return new BadRequestException({
        error: 'Bad Request',
        message: first
          ? `${first.path ? `${first.path}: ` : ''}${first.message}`
          : 'Invalid request',
        issues: list,
      });
    },
  });
}
