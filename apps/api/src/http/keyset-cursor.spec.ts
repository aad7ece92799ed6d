import { BadRequestException } from '@nestjs/common';
import { decodeKeysetCursor, encodeKeysetCursor, keysetPage } from './keyset-cursor';

const raw = (text: string) => Buffer.from(text).toString('base64url');
const id = '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60';

describe('keyset cursor', () => {
  it.each(['2026-11-24T10:00:00.123Z', '2026-11-24T10:00:00.123456Z', '2024-02-29T00:00:00Z'])(
    'round-trips %s',
    (at) => {
      const c = { at, id };
      expect(decodeKeysetCursor(encodeKeysetCursor(c))).toEqual(c);
    },
  );

  it.each([
    ['empty', ''],
    ['garbage', 'garbage'],
    ['not a date', raw(`not-a-date|${id}`)],
    ['a day that does not exist', raw(`2026-02-30T00:00:00Z|${id}`)],
    ['year 0', raw(`0000-01-01T00:00:00Z|${id}`)],
    ['a number where the date belongs', raw(`1|${id}`)],
    ['a date without a zone', raw(`2026-01-01T00:00:00|${id}`)],
    ['dashes where the uuid belongs', raw(`2026-01-01T00:00:00Z|${'-'.repeat(36)}`)],
    ['a number where the uuid belongs', raw('2026-01-01T00:00:00Z|42')],
    ['a third part', raw(`2026-01-01T00:00:00Z|${id}|x`)],
    ['JSON', raw(JSON.stringify({ receivedAt: 1, id: 2 }))],
  ])('rejects %s with a 400 naming cursor', (_name, value) => {
    let error: unknown;
    try {
      decodeKeysetCursor(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toEqual({
      error: 'Bad Request',
      message: 'cursor: not a cursor this API returned',
      issues: [{ path: 'cursor', message: 'not a cursor this API returned' }],
    });
  });

  it('pages rows read with one extra: a cursor at the last row shown, none on the last page', () => {
    const rows = ['a', 'b', 'c'].map((name, i) => ({
      id: `3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f6${i}`,
      cursor_at: `2026-11-24T10:00:0${i}.123456Z`,
      name,
    }));
    const first = keysetPage(rows, 2, (r) => r.name);
    expect(first.items).toEqual(['a', 'b']);
    expect(decodeKeysetCursor(first.nextCursor ?? '')).toEqual({
      at: '2026-11-24T10:00:01.123456Z',
      id: rows[1]?.id,
    });
    expect(keysetPage(rows.slice(2), 2, (r) => r.name)).toEqual({ items: ['c'], nextCursor: null });
  });
});
