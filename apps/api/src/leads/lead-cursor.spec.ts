import { BadRequestException } from '@nestjs/common';
import { decodeLeadCursor, encodeLeadCursor } from './lead-cursor';

describe('lead cursor', () => {
  it('round-trips', () => {
    const c = {
      receivedAt: '2026-11-24T10:00:00.123Z',
      id: '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60',
    };
    expect(decodeLeadCursor(encodeLeadCursor(c))).toEqual(c);
  });

  it.each(['', 'garbage', Buffer.from('not-a-date|x').toString('base64url')])(
    'rejects %p with a 400',
    (raw) => {
      expect(() => decodeLeadCursor(raw)).toThrow(BadRequestException);
    },
  );
});
