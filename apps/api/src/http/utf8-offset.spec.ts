import { firstInvalidUtf8Byte } from './utf8-offset';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('firstInvalidUtf8Byte', () => {
  it.each([
    ['ASCII', bytes('{"a":1}')],
    ['multi-byte and astral text', bytes('é 中 🚀')],
    ['nothing', bytes()],
  ])('finds nothing wrong in %s', (_name, b) => {
    expect(firstInvalidUtf8Byte(b)).toBeUndefined();
  });

  it.each([
    ['a lone 0xFF', bytes('ab', [0xff], 'c'), 2],
    ['a stray continuation byte', bytes('é', [0x80]), 2],
    ['a lead byte followed by ASCII', bytes('a', [0xc3], '(b'), 1],
    ['an encoded surrogate (CESU/WTF-8)', bytes('x', [0xed, 0xa0, 0x80]), 1],
    ['an overlong NUL', bytes([0xc0, 0x80]), 0],
    ['a character cut off at the end', bytes('ok', [0xe2, 0x82]), 2],
  ])('finds %s', (_name, b, offset) => {
    expect(firstInvalidUtf8Byte(b)).toBe(offset);
  });

  it('finds the offset past the first chunk and across a chunk boundary', () => {
    const valid = Buffer.from('é'.repeat(5000)); // 10,000 bytes, characters straddle 4096
    expect(firstInvalidUtf8Byte(Buffer.concat([valid, Buffer.from([0xff])]))).toBe(10_000);
    // 4,097 bytes end on the lead byte of a character cut off by "x" in the next chunk.
    const cut = Buffer.concat([valid.subarray(0, 4097), Buffer.from('x')]);
    expect(firstInvalidUtf8Byte(cut)).toBe(4096);
    // A three-byte character whose lead is in the first chunk and whose tail is broken.
    const straddling = Buffer.concat([Buffer.alloc(4095, 0x61), Buffer.from([0xe2, 0x82, 0x28])]);
    expect(firstInvalidUtf8Byte(straddling)).toBe(4095);
  });
});
