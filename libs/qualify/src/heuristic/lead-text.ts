import type { QualifyInput } from '../qualify-input';

/** The free text a person typed: the message plus custom field answers ("seats: 40"). */
export function leadText(input: QualifyInput): string {
  const fields = Object.entries(input.customFields)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key.replace(/[_-]+/g, ' ')}: ${String(value)}`);
  return [input.message ?? '', ...fields].filter((part) => part.trim() !== '').join('\n');
}

/** Whitespace collapsed to single spaces, ends trimmed. */
export function squish(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words made of letters (any script). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
}
