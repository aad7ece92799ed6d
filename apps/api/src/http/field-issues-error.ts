import { BadRequestException } from '@nestjs/common';
import type { ApiError } from '@baton/api-contract';

/** One refused field: where it is (a dot path such as `contact.name`) and why. */
export type FieldIssue = NonNullable<ApiError['issues']>[number];

/** The 400 every refused input gets: the first problem as the message, every problem listed. */
export function fieldIssuesError(issues: FieldIssue[]): BadRequestException {
  const first = issues[0];
  return new BadRequestException({
    error: 'Bad Request',
    message: first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid request',
    issues,
  });
}
