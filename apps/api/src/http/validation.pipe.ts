import { StandardSchemaValidationPipe } from '@nestjs/common';
import { fieldIssuesError } from './field-issues-error';

/**
 * Validates every `@Body({ schema })`, `@Query({ schema })`, `@Param(..., { schema })` with its zod
 * schema and answers 400 with each problem's field path and reason.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      fieldIssuesError(
        issues.map((issue) => ({
          path: (issue.path ?? [])
            .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
            .map(String)
            .join('.'),
          message: issue.message,
        })),
      ),
  });
}
