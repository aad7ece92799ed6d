import { BadRequestException } from '@nestjs/common';

/** Opaque keyset cursor over (received_at DESC, id DESC): stable while new leads arrive. */
export interface LeadCursor {
  receivedAt: string;
  id: string;
}

export const encodeLeadCursor = (c: LeadCursor): string =>
  Buffer.from(`${c.receivedAt}|${c.id}`).toString('base64url');

export function decodeLeadCursor(raw: string): LeadCursor {
  const [receivedAt, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (!receivedAt || !id || Number.isNaN(Date.parse(receivedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new BadRequestException({
      error: 'Bad Request',
      message: 'cursor: not a cursor this API returned',
    });
  }
  return { receivedAt, id };
}
