import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with a message for people; the error filter turns `retryAfter` into a Retry-After header. */
export class TooManyRequestsException extends HttpException {
  constructor(message: string, retryAfter: number) {
    super({ error: 'Too Many Requests', message, retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
