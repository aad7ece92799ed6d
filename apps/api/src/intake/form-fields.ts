import type { LeadIntake } from '@baton/api-contract';
import type { FieldIssue } from '../http/field-issues-error';

/** A hidden field real people leave empty and form-filling bots fill in. */
export const HONEYPOT_FIELD = 'website_url';

const CONTACT = ['name', 'email', 'phone', 'company'] as const;
const CONTEXT = ['form', 'campaign', 'landingPage', 'referrer'] as const;
const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
const RESERVED = new Set<string>([
  ...CONTACT,
  ...CONTEXT,
  ...UTM,
  'message',
  'externalId',
  HONEYPOT_FIELD,
]);

/**
 * Whether a bot filled the honeypot: any value but empty counts, also in a repeated field
 * (`website_url=&website_url=x` arrives as an array) and in a JSON post.
 */
export function isHoneypotFilled(body: Record<string, unknown>): boolean {
  const value = body[HONEYPOT_FIELD];
  return (Array.isArray(value) ? value : [value]).some(
    (v) => v !== undefined && v !== null && v !== '',
  );
}

/** A JSON post with the honeypot field as the form has it: the field is the form's, not the lead's. */
export function withoutHoneypot(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const rest: Record<string, unknown> = { ...body };
  delete rest[HONEYPOT_FIELD];
  return rest;
}

/** Where a form field lands in the intake shape, so form errors name the same paths as JSON. */
function intakePath(field: string): string {
  if ((CONTACT as readonly string[]).includes(field)) return `contact.${field}`;
  if ((UTM as readonly string[]).includes(field)) return `source.utm.${field.slice(4)}`;
  if ((CONTEXT as readonly string[]).includes(field)) return `source.${field}`;
  if (RESERVED.has(field)) return field;
  return `customFields.${field}`;
}

export type FormReading = { ok: true; intake: unknown } | { ok: false; issues: FieldIssue[] };

/**
 * Maps a flat HTML form (name=…&email=…&utm_source=…&anything=…) onto the intake shape, so a
 * form post is validated by exactly the same schema as the JSON API. Unknown fields become
 * custom fields; empty fields are dropped. A field sent more than once is refused rather than
 * one of its values picked silently (the honeypot excepted: any filled copy marks a bot).
 */
export function formToIntake(form: Record<string, unknown>): FormReading {
  const repeated = Object.keys(form)
    .filter((k) => k !== HONEYPOT_FIELD && Array.isArray(form[k]))
    .map((k) => ({
      path: intakePath(k),
      message: `form field "${k}" was sent ${(form[k] as unknown[]).length} times; send it once`,
    }));
  if (repeated.length) return { ok: false, issues: repeated };

  const text = (key: string) => {
    const v = form[key];
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  const pick = (keys: readonly string[], rename: (k: string) => string = (k) => k) =>
    Object.fromEntries(keys.map((k) => [rename(k), text(k)]).filter(([, v]) => v !== undefined));
  const utm = pick(UTM, (k) => k.slice(4));
  const custom = Object.fromEntries(
    Object.keys(form)
      .filter((k) => !RESERVED.has(k))
      .map((k) => [k, text(k)])
      .filter(([, v]) => v !== undefined),
  );
  const source = { ...pick(CONTEXT), ...(Object.keys(utm).length ? { utm } : {}) };
  const intake: Record<string, unknown> = { contact: pick(CONTACT) };
  if (text('message')) intake['message'] = text('message');
  if (text('externalId')) intake['externalId'] = text('externalId');
  if (Object.keys(custom).length) intake['customFields'] = custom;
  if (Object.keys(source).length) intake['source'] = source;
  return { ok: true, intake: intake as Partial<LeadIntake> };
}
