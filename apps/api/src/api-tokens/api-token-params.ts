import { ForbiddenException } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

/** The `:id` of an API token. */
export const apiTokenIdParamSchema = z.uuid('id must be an API token id (uuid)');

/**
 * New tokens come from a signed-in person, not from a token: a leaked token must not be able to
 * outlive its revocation by minting a successor.
 */
export function refuseTokenMintedByToken(req: AuthenticatedRequest): void {
  if (req.apiTokenId) {
    throw new ForbiddenException({
      error: 'Forbidden',
      message: 'An API token cannot create API tokens; sign in to Baton and create it there',
    });
  }
}
