import { BadRequestException } from '@nestjs/common';

/** A 400 shaped like the validation pipe's (error, message, issues). */
export function metricsBadRequest(path: string, message: string): BadRequestException {
  return new BadRequestException({
    error: 'Bad Request',
    message: `${path}: ${message}`,
    issues: [{ path, message }],
  });
}
