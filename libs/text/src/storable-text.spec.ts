import { isStorableText, storableJson, storableText } from './storable-text';

describe('storableText', () => {
  it('keeps ordinary and astral text as it is', () => {
    const text = 'Привет 👋 مرحبا \u200f שלום';
    expect(isStorableText(text)).toBe(true);
    expect(storableText(text)).toBe(text);
  });

  it('replaces NUL and lone surrogates with U+FFFD', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('x\ud83dy')).toBe('x\uFFFDy');
    expect(storableText('\udc00')).toBe('\uFFFD');
  });
});

describe('storableJson', () => {
  it('cleans strings and keys at any depth, and leaves other values', () => {
    const value = {
      summary: 'ok\ud800',
      reasons: ['a\u0000', 2, null, true],
      nested: { 'k\u0000': { deep: '\udfff' } },
    };
    expect(JSON.parse(JSON.stringify(storableJson(value)))).toEqual({
      summary: 'ok\uFFFD',
      reasons: ['a\uFFFD', 2, null, true],
      nested: { 'k\uFFFD': { deep: '\uFFFD' } },
    });
  });

  it('keeps a key called __proto__ as data, not as a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>;
    const out = storableJson(value);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"yes"}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
