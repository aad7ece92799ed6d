import type { FieldIssue } from './field-issues-error';
import { keyProblem, textProblem } from './untrusted-text';
import { firstInvalidUtf8Byte } from './utf8-offset';

const AMP = 0x26;
const EQ = 0x3d;
const PLUS = 0x2b;
const PERCENT = 0x25;
const SPACE = 0x20;

/**
 * Checks an application/x-www-form-urlencoded body (or query string) byte by byte, before the
 * parser's lenient decoding turns a bad escape into U+FFFD or leaves "%FF" as it was sent. Each
 * field name and value must be well-formed percent-encoding ("+" is a space) of UTF-8 that
 * PostgreSQL can store, under a name that is not reserved and (given the parsed body) that the
 * parser kept as it was. Issues name the field as decoded (as sent when it cannot be decoded).
 */
export function findUrlencodedIssues(raw: Uint8Array, parsed?: object): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // The parser rewrites some names ("[x]" becomes "x"): refused, since the field would move.
  const parsedNames = parsed && new Set(Object.keys(parsed));
  for (const [nameBytes, valueBytes] of splitPairs(raw)) {
    const name = decodeText(nameBytes);
    if (name.problem) {
      // A name that is no text can only be named as it was sent, escapes and all.
      const sent = Buffer.from(nameBytes).toString('latin1');
      issues.push({ path: sent, message: `the field name ${name.problem}` });
      continue;
    }
    const problem =
      keyProblem(name.text) ??
      (parsedNames && !parsedNames.has(name.text)
        ? 'this field name does not survive form parsing; rename the field'
        : undefined);
    if (problem) {
      issues.push({ path: name.text, message: problem });
      continue;
    }
    const value = decodeText(valueBytes);
    const valueProblem = value.problem ?? textProblem(value.text);
    if (valueProblem) issues.push({ path: name.text, message: valueProblem });
  }
  return issues;
}

function* splitPairs(raw: Uint8Array): Generator<[Uint8Array, Uint8Array]> {
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf(AMP, start);
    if (end === -1) end = raw.length;
    if (end > start) {
      const pair = raw.subarray(start, end);
      const eq = pair.indexOf(EQ);
      yield eq === -1 ? [pair, new Uint8Array()] : [pair.subarray(0, eq), pair.subarray(eq + 1)];
    }
    start = end + 1;
  }
}

/** Percent-decodes to bytes, then to text; `problem` says why the bytes are not that text. */
function decodeText(encoded: Uint8Array): { text: string; problem?: string } {
  const bytes = new Uint8Array(encoded.length);
  let n = 0;
  let badEscapeAt: number | undefined;
  for (let i = 0; i < encoded.length; i++) {
    const b = encoded[i] as number;
    if (b !== PERCENT) {
      bytes[n++] = b === PLUS ? SPACE : b;
      continue;
    }
    const hi = hexValue(encoded[i + 1]);
    const lo = hexValue(encoded[i + 2]);
    if (hi < 0 || lo < 0) {
      badEscapeAt ??= i;
      bytes[n++] = b;
      continue;
    }
    bytes[n++] = hi * 16 + lo;
    i += 2;
  }
  const decoded = bytes.subarray(0, n);
  const text = Buffer.from(decoded).toString('utf8');
  if (badEscapeAt !== undefined) {
    return {
      text,
      problem: `is not valid percent-encoding (a "%" not followed by two hex digits at character ${badEscapeAt + 1}; send "%" as %25)`,
    };
  }
  const invalidAt = firstInvalidUtf8Byte(decoded);
  if (invalidAt === undefined) return { text };
  return {
    text,
    problem: `is not valid UTF-8 once percent-decoded (at decoded byte ${invalidAt})`,
  };
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const lower = b | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
