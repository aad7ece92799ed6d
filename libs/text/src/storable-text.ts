// PostgreSQL stores neither U+0000 nor lone surrogates (in text or jsonb). What people send is
// checked at the API and refused with a 400; this is for text Baton derives or receives from
// elsewhere (model answers, SMTP and HTTP replies, error messages) on its way into the database,
// so that no write of derived data can fail for ever on one bad character.

const REPLACEMENT = '\uFFFD';

/** Whether PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes('\u0000');
}

/** `text` with each lone surrogate and NUL replaced by U+FFFD (the replacement character). */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.toWellFormed().replaceAll('\u0000', REPLACEMENT);
}

/** A JSON-ready value with every string (keys too) made storable; other values as they are. */
export function storableJson<T>(value: T): T {
  return mapStrings(value) as T;
}

function mapStrings(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[storableText(key)] = mapStrings(item);
  return out;
}
