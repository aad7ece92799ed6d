import { DateTime } from 'luxon';

// The coercions every operator shares, so "5000" and 5000 or "ACME " and "acme" behave the same
// wherever they meet. Form posts deliver everything as strings; this is where that stops mattering.

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A finite number from a number or a numeric string ("", "12abc" and booleans are not numbers). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Epoch milliseconds from a Date or an ISO date / date-time string (no zone = UTC). */
export function toTimestamp(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string' || !ISO_DATE.test(value.trim())) return undefined;
  const dt = DateTime.fromISO(value.trim().replace(' ', 'T'), { zone: 'utc' });
  return dt.isValid ? dt.toMillis() : undefined;
}

/** Compares as numbers, else as timestamps; undefined when the two cannot be ordered. */
export function compareOrdered(actual: unknown, expected: unknown): number | undefined {
  const a = toNumber(actual);
  const b = toNumber(expected);
  if (a !== undefined && b !== undefined) return a - b;
  const ta = toTimestamp(actual);
  const tb = toTimestamp(expected);
  if (ta !== undefined && tb !== undefined) return ta - tb;
  return undefined;
}

const normalise = (s: string): string => s.trim().toLowerCase();

/** Text form of a scalar for string comparison; undefined for objects, arrays and missing values. */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return undefined;
}

/**
 * eq semantics: null matches only a missing value; numbers (or numeric strings facing a number)
 * compare numerically; everything else compares as trimmed, case-insensitive text, so "TRUE"
 * equals true. Two numeric strings compare as text ("02134" is not "2134": zip codes, phones).
 */
export function looseEquals(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  if (typeof actual === 'number' || typeof expected === 'number') {
    const a = toNumber(actual);
    const b = toNumber(expected);
    if (a !== undefined && b !== undefined) return a === b;
  }
  const a = toText(actual);
  const b = toText(expected);
  return a !== undefined && b !== undefined && normalise(a) === normalise(b);
}

/** Present = not missing, not null, not blank text, not an empty list. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function containsText(haystack: string, needle: string): boolean {
  return normalise(haystack).includes(normalise(needle));
}
