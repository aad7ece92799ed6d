import type { LeadIntake } from '@baton/api-contract';

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
 * Maps a flat HTML form (name=…&email=…&utm_source=…&anything=…) onto the intake shape, so a
 * form post is validated by exactly the same schema as the JSON API. Unknown fields become
 * custom fields; empty fields are dropped.
 */
export function formToIntake(form: Record<string, unknown>): unknown {
  const text = (key: string) => {
    const v = form[key];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s : undefined;
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
  return intake as Partial<LeadIntake>;
}
