import { RESERVED_KEY_NAMES } from '@baton/api-contract';
import type { FieldIssue } from './field-issues-error';

/** Deeper than any body Baton accepts; stops stack-deep input before recursive code sees it. */
export const MAX_NESTING = 32;
const MAX_ISSUES = 100;

// With the u flag a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why PostgreSQL (text and jsonb) could not store `s` as sent, or undefined when it can. We refuse
 * such text rather than replace characters: the sender learns which field, nothing is changed.
 */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  const lone = LONE_SURROGATE.exec(s);
  if (lone) {
    // 1-based position in code points, as a person counts characters.
    const at = [...s.slice(0, lone.index)].length + 1;
    return `is not valid Unicode (a lone surrogate at character ${at})`;
  }
  return undefined;
}

/** Why `key` cannot be a field name, or undefined. */
export function keyProblem(key: string): string | undefined {
  if (RESERVED_KEY_NAMES.has(key)) return 'this key name is reserved';
  const text = textProblem(key);
  return text ? `the key name ${text}` : undefined;
}

/**
 * Every string and key in a parsed JSON value that cannot be stored as sent, with its path.
 * Iterative, so a hostile nesting depth cannot overflow the stack; stops after a few issues.
 */
export function findTextIssues(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { value: v, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) issues.push({ path: path.join('.'), message: problem });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= MAX_NESTING) {
      issues.push({
        path: path.join('.'),
        message: `is nested too deeply (at most ${MAX_NESTING} levels)`,
      });
      continue;
    }
    // Own keys only: JSON.parse makes "__proto__" an own key, which is what we must see.
    const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
    if (!Array.isArray(v)) {
      for (const key of keys) {
        const problem = keyProblem(key);
        if (problem) issues.push({ path: [...path, key].join('.'), message: problem });
      }
    }
    // Pushed in reverse so that siblings are reported in the order they were sent.
    for (const key of keys.reverse()) {
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues.slice(0, MAX_ISSUES);
}
