import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('ignores key order and undefined values', () => {
    expect(requestFingerprint({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(
      requestFingerprint({ b: { d: [1, 2], c: 2 }, a: 1, e: undefined }),
    );
  });
  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: '1' }, { a: 1 }],
  ])('tells %j from %j', (x, y) => {
    expect(requestFingerprint(x)).not.toBe(requestFingerprint(y));
  });
});
