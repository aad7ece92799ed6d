import { findTextIssues, keyProblem, MAX_NESTING, textProblem } from './untrusted-text';

describe('textProblem', () => {
  it.each([
    ['plain text', 'Ada Lovelace'],
    ['astral characters (a surrogate pair is one character)', '🚀 launch 👩‍👩‍👧'],
    ['RTL marks and combining characters', '\u200fשלום\u200e e\u0301'],
    ['the replacement character itself', 'a\uFFFDb'],
    ['an empty string', ''],
  ])('accepts %s', (_name, s) => {
    expect(textProblem(s)).toBeUndefined();
  });

  it('refuses NUL', () => {
    expect(textProblem('a\u0000b')).toBe('must not contain NUL characters (U+0000)');
  });

  it.each([
    ['a lone high surrogate', 'ab\ud800', 3],
    ['a lone low surrogate after an emoji (counted as one character)', '🚀\udc00', 2],
    ['a reversed pair', '\udc00\ud800', 1],
  ])('refuses %s, saying at which character', (_name, s, at) => {
    expect(textProblem(s)).toBe(`is not valid Unicode (a lone surrogate at character ${at})`);
  });
});

describe('keyProblem', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved name %s', (key) => {
    expect(keyProblem(key)).toBe('this key name is reserved');
  });

  it('names text problems as the key name’s', () => {
    expect(keyProblem('a\u0000')).toBe('the key name must not contain NUL characters (U+0000)');
    expect(keyProblem('Constructor')).toBeUndefined();
  });
});

describe('findTextIssues', () => {
  it('finds nothing in storable JSON', () => {
    expect(findTextIssues({ a: ['x', 1, null, true, { b: '🚀' }] })).toEqual([]);
  });

  it('names every bad string and key by its dot path, in the order sent', () => {
    const body = JSON.parse(
      '{"contact":{"name":"A\\u0000"},"customFields":{"plan":"ab\\ud800","__proto__":"x"},"items":[{"constructor":1},"\\udfff"]}',
    );
    expect(findTextIssues(body)).toEqual([
      { path: 'contact.name', message: 'must not contain NUL characters (U+0000)' },
      { path: 'customFields.__proto__', message: 'this key name is reserved' },
      {
        path: 'customFields.plan',
        message: 'is not valid Unicode (a lone surrogate at character 3)',
      },
      { path: 'items.0.constructor', message: 'this key name is reserved' },
      { path: 'items.1', message: 'is not valid Unicode (a lone surrogate at character 1)' },
    ]);
  });

  it('sees a top-level __proto__ that JSON.parse made an own key', () => {
    expect(findTextIssues(JSON.parse('{"__proto__":{"admin":true}}'))).toEqual([
      { path: '__proto__', message: 'this key name is reserved' },
    ]);
  });

  it('refuses stack-deep nesting without recursing', () => {
    const deep = JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    const issues = findTextIssues(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(`is nested too deeply (at most ${MAX_NESTING} levels)`);
    expect(issues[0]?.path.split('.')).toHaveLength(MAX_NESTING);
  });

  it('stops after 100 issues', () => {
    expect(findTextIssues(Array.from({ length: 300 }, () => '\u0000'))).toHaveLength(100);
  });
});
