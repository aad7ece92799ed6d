import { findUrlencodedIssues } from './urlencoded-text';

const issues = (s: string | Buffer) =>
  findUrlencodedIssues(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);

describe('findUrlencodedIssues', () => {
  it('accepts well-formed forms, with "+" spaces, UTF-8 escapes and empty fields', () => {
    expect(issues('name=Ada+L&city=M%C3%BCnchen&emoji=%F0%9F%9A%80&empty=&flag&&x=a%3D')).toEqual(
      [],
    );
    expect(issues(Buffer.from('name=München'))).toEqual([]);
  });

  it.each([
    ['%FF', 'name=%FF', 'name', 'is not valid UTF-8 once percent-decoded (at decoded byte 0)'],
    [
      'an encoded lone surrogate',
      'a=1&plan=x%ED%A0%80',
      'plan',
      'is not valid UTF-8 once percent-decoded (at decoded byte 1)',
    ],
    ['%00', 'name=A%00', 'name', 'must not contain NUL characters (U+0000)'],
    [
      'a bare %',
      'q=100%',
      'q',
      'is not valid percent-encoding (a "%" not followed by two hex digits at character 4; send "%" as %25)',
    ],
    ['__proto__', '__proto__=x', '__proto__', 'this key name is reserved'],
    ['an encoded reserved name', 'construct%6Fr=x', 'constructor', 'this key name is reserved'],
    [
      'a bad field name',
      '%FF=x',
      '%FF',
      'the field name is not valid UTF-8 once percent-decoded (at decoded byte 0)',
    ],
  ])('refuses %s naming the field', (_name, body, path, message) => {
    expect(issues(body)).toEqual([{ path, message }]);
  });

  it('refuses a name the parser did not keep as sent', () => {
    const raw = Buffer.from('%5Bx%5D=1&a%5Bb%5D=2&name=Ada');
    expect(findUrlencodedIssues(raw, { x: '1', 'a[b]': '2', name: 'Ada' })).toEqual([
      { path: '[x]', message: 'this field name does not survive form parsing; rename the field' },
    ]);
  });

  it('refuses raw bytes that are not UTF-8', () => {
    expect(issues(Buffer.from([0x6e, 0x3d, 0xc3, 0x28]))).toEqual([
      { path: 'n', message: 'is not valid UTF-8 once percent-decoded (at decoded byte 0)' },
    ]);
  });
});
