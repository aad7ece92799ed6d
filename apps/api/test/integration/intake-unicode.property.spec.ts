import fc from 'fast-check';
import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestSource } from '../support/seed-test-data';

/**
 * Arbitrary Unicode in every field of both intake endpoints: the answer is a 400 whose issues
 * name fields that were sent (always including each field whose text cannot be stored), or a
 * 202 whose lead reads back exactly as sent, trimmed at the ends (emails lowercased). Never 5xx.
 */

// ---- the text ---------------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const storableUnit = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .string({ unit: 'binary', minLength: 1, maxLength: 1 })
      .filter((c) => c !== '\u0000'),
  },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u200f', // right-to-left mark
      '\u202e', // right-to-left override
      '\u0301', // combining acute accent
      '\ufeff', // BOM (JS trim() removes it)
      '\u2028', // line separator
      ' ',
      '\t',
      '🚀',
      '👩‍👩‍👧',
      '%FF',
      '&',
      '=',
      '+',
    ),
  },
);
const anyUnit = fc.oneof(
  { weight: 10, arbitrary: storableUnit },
  { weight: 1, arbitrary: fc.oneof(loneSurrogate, fc.constant('\u0000')) },
);
const HAND_PICKED = [
  'Ada',
  '  padded  ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u200fשרה כהן\u200e',
  'Zoe\u0308 e\u0301\u0327',
  '\uFFFD',
  'x'.repeat(10_000),
  'x'.repeat(10_001),
  '🚀'.repeat(5_000), // 10,000 UTF-16 units: the longest message
  '🚀'.repeat(2_000) + '\ud83d', // a pair cut in half at the end
  "Robert'); DROP TABLE leads;--",
];
// Most fields storable, so that many leads are accepted and read back; the rest hostile.
const text = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: storableUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HAND_PICKED) },
  { weight: 1, arbitrary: fc.string({ unit: storableUnit, minLength: 9_000, maxLength: 10_000 }) },
  { weight: 1, arbitrary: fc.string({ unit: anyUnit, minLength: 9_000, maxLength: 10_001 }) },
);
// Half the optional fields are left out.
const optionalText = fc.option(text, { nil: undefined, freq: 2 });
const email = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('ada@example.com', 'Ada.Lovelace@Example.COM') },
  { weight: 1, arbitrary: text },
);
const phone = fc.option(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('+44 (0)20 7946-0000') },
    { weight: 1, arbitrary: text },
  ),
  { nil: undefined, freq: 2 },
);
const customValue = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const customKey = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: anyUnit, minLength: 1, maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('plan', ' plan ', '__proto__', 'constructor', ' prototype', '[x]'),
  },
);

/** Strings in a sent body (keys and values) that PostgreSQL cannot store. */
const unstorable = (s: string) => s.includes('\u0000') || !s.isWellFormed();
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

// ---- reading back -----------------------------------------------------------------------------

interface Expected {
  contact: Record<string, string>;
  message: string | null;
  externalId: string | null;
  customFields: Record<string, unknown>;
  context: Record<string, unknown>;
}

/** The documented normalisation: text trimmed at both ends, the email lowercased. */
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

async function readBack(admin: TestAgent, id: string): Promise<Expected> {
  const res = await admin.get(`/api/v1/leads/${id}`);
  expect(res.status).toBe(200);
  const { contact, message, externalId, customFields, context } = res.body;
  return { contact, message, externalId, customFields, context };
}

describe('intake round trip of arbitrary Unicode (property)', () => {
  let t: ApiTestApp;
  let source: TestSource;
  let admin: TestAgent;
  const origin = 'https://www.example.com';
  const firstByExternalId = new Map<string, string>();
  // Per property: how many leads were read back and how many refused, so neither side is vacuous.
  let outcomes = { readBack: 0, refused: 0 };
  beforeEach(() => {
    outcomes = { readBack: 0, refused: 0 };
  });
  afterEach(() => {
    expect(outcomes.readBack).toBeGreaterThanOrEqual(5);
    expect(outcomes.refused).toBeGreaterThanOrEqual(5);
  });

  beforeAll(async () => {
    t = await startApiTestApp('intake-unicode', {
      INTAKE_RATE_LIMIT_PER_MINUTE: '100000',
      INTAKE_FORM_RATE_LIMIT_PER_MINUTE: '100000',
    });
    source = await seedSource(t.db.dataSource);
    // No thank-you page, so a form post is answered 202 with the lead's id.
    await t.db.dataSource.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix, allowed_origins) VALUES ('unicode-form', 'Form', 'h', 'p', $1)`,
      [[origin]],
    );
    const user = await seedUser(t.db.dataSource, 'admin');
    ({ agent: admin } = await t.signIn(user.email, user.password));
  });
  afterAll(() => t.close());

  const leadCount = async () =>
    ((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM leads`)) as { n: number }[])[0]
      ?.n;

  /**
   * The oracle shared by every endpoint. `mustName` lists the fields that cannot be stored (the
   * 400 has to name each); `mayName` every path a 400 may name; `expected` the lead as it must
   * read back after a 202.
   */
  async function check(
    res: { status: number; body: Record<string, unknown> },
    o: { mustName: string[]; mayName: Set<string>; expected: Expected; bytes: number },
    countBefore: number | undefined,
    sourceTag: string,
  ) {
    if (res.status === 413) {
      expect(o.bytes).toBeGreaterThan(100 * 1024);
      return;
    }
    expect([202, 400]).toContain(res.status);
    if (res.status === 400) {
      const issues = res.body['issues'] as { path: string; message: string }[];
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(o.mayName).toContain(issue.path);
      const named = new Set(issues.map((i) => i.path));
      for (const path of o.mustName) expect(named).toContain(path);
      expect(await leadCount()).toBe(countBefore);
      outcomes.refused++;
      return;
    }
    expect(o.mustName).toEqual([]);
    const id = res.body['id'] as string;
    const externalId =
      o.expected.externalId === null ? null : `${sourceTag}|${o.expected.externalId}`;
    if (res.body['duplicateOf'] !== undefined) {
      // Same source and external id as an earlier lead: folded into it, as documented.
      expect(externalId === null ? undefined : firstByExternalId.get(externalId)).toBe(id);
      return;
    }
    if (externalId !== null) firstByExternalId.set(externalId, id);
    // As it went over the wire (JSON has no -0), then as it must come back.
    expect(await readBack(admin, id)).toEqual(JSON.parse(JSON.stringify(o.expected)));
    outcomes.readBack++;
  }

  // ---- POST /api/v1/leads and the form endpoint's JSON -----------------------------------------

  const jsonLead = fc.record(
    {
      name: text,
      email,
      phone,
      company: optionalText,
      message: optionalText,
      externalId: optionalText,
      customFields: fc.option(
        fc.uniqueArray(fc.tuple(customKey, customValue), { maxLength: 4, selector: ([k]) => k }),
        { nil: undefined, freq: 2 },
      ),
      source: fc.option(
        fc.record(
          {
            form: optionalText,
            campaign: optionalText,
            landingPage: optionalText,
            referrer: optionalText,
            utm: fc.option(
              fc.record({ source: optionalText, campaign: optionalText, term: optionalText }),
              { nil: undefined, freq: 2 },
            ),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined, freq: 2 },
      ),
    },
    { requiredKeys: ['name', 'email'] },
  );
  type JsonLead = typeof jsonLead extends fc.Arbitrary<infer T> ? T : never;

  const defined = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  function jsonCase(g: JsonLead) {
    const source = g.source
      ? defined({ ...g.source, utm: g.source.utm ? defined(g.source.utm) : undefined })
      : undefined;
    const body = defined({
      externalId: g.externalId,
      contact: defined({ name: g.name, email: g.email, phone: g.phone, company: g.company }),
      message: g.message,
      // fromEntries makes "__proto__" an own key, as JSON.parse will on the server.
      customFields: g.customFields ? Object.fromEntries(g.customFields) : undefined,
      source,
    });
    const mustName: string[] = [];
    const mayName = new Set(['contact', 'contact.email', 'customFields', 'source', 'source.utm']);
    const visit = (value: unknown, path: string) => {
      mayName.add(path);
      if (typeof value === 'string' && unstorable(value)) mustName.push(path);
      if (value === null || typeof value !== 'object') return;
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (unstorable(k) || RESERVED.has(k)) mustName.push(at);
        visit(v, at);
      }
    };
    visit(body, '');
    const expected: Expected = {
      contact: defined({
        name: g.name.trim(),
        email: g.email.toLowerCase(),
        // Documented: a phone or company that is empty once trimmed reads back as not given.
        phone: g.phone?.trim() || undefined,
        company: g.company?.trim() || undefined,
      }) as Record<string, string>,
      message: g.message?.trim() ?? null,
      externalId: g.externalId?.trim() ?? null,
      customFields: Object.fromEntries(
        (g.customFields ?? []).map(([k, v]) => [k.trim(), trimmed(v)]),
      ),
      context: source
        ? Object.fromEntries(
            Object.entries(source).map(([k, v]) => [
              k,
              typeof v === 'object' && v !== null
                ? Object.fromEntries(Object.entries(v).map(([uk, uv]) => [uk, trimmed(uv)]))
                : trimmed(v),
            ]),
          )
        : {},
    };
    const json = JSON.stringify(body); // lone surrogates leave as \udXXX escapes
    return { json, mustName, mayName, expected, bytes: Buffer.byteLength(json) };
  }

  it('POST /api/v1/leads (JSON)', async () => {
    await fc.assert(
      fc.asyncProperty(jsonLead, async (g) => {
        const c = jsonCase(g);
        const before = await leadCount();
        const res = await t
          .http()
          .post('/api/v1/leads')
          .set('Authorization', `Bearer ${source.apiKey}`)
          .set('Content-Type', 'application/json')
          .send(c.json);
        await check(res, c, before, 'api');
      }),
      { numRuns: 120 },
    );
  });

  it('POST /api/v1/intake/:slug (JSON from a widget)', async () => {
    await fc.assert(
      fc.asyncProperty(jsonLead, async (g) => {
        const c = jsonCase(g);
        const before = await leadCount();
        const res = await t
          .http()
          .post('/api/v1/intake/unicode-form')
          .set('Origin', origin)
          .set('Content-Type', 'application/json')
          .send(c.json);
        await check(res, c, before, 'form');
      }),
      { numRuns: 60 },
    );
  });

  // ---- the form endpoint, urlencoded -----------------------------------------------------------

  const FORM_FIELDS: Record<string, string> = {
    name: 'contact.name',
    email: 'contact.email',
    phone: 'contact.phone',
    company: 'contact.company',
    message: 'message',
    externalId: 'externalId',
    form: 'source.form',
    campaign: 'source.campaign',
    landingPage: 'source.landingPage',
    referrer: 'source.referrer',
    utm_source: 'source.utm.source',
    utm_term: 'source.utm.term',
  };

  // Names formToIntake also reads, but this test leaves alone.
  const OTHER_FORM_NAMES = new Set(['website_url', 'utm_medium', 'utm_campaign', 'utm_content']);

  const formLead = fc.record(
    {
      name: text,
      email,
      phone,
      company: optionalText,
      message: optionalText,
      externalId: optionalText,
      form: optionalText,
      landingPage: optionalText,
      utm_source: optionalText,
      utm_term: optionalText,
      custom: fc.uniqueArray(
        fc.tuple(customKey, text).filter(([k]) => !(k in FORM_FIELDS) && !OTHER_FORM_NAMES.has(k)),
        { maxLength: 4, selector: ([k]) => k },
      ),
    },
    { requiredKeys: ['name', 'email', 'custom'] },
  );
  type FormLead = typeof formLead extends fc.Arbitrary<infer T> ? T : never;

  /** What a sloppy client sends for a lone surrogate: its three WTF-8 bytes, percent-escaped. */
  function percentEncode(s: string): string {
    let out = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      const bytes =
        cp >= 0xd800 && cp <= 0xdfff
          ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
          : [...Buffer.from(ch, 'utf8')];
      out += /^[A-Za-z0-9_.~-]$/.test(ch)
        ? ch
        : bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    }
    return out;
  }

  function formCase(g: FormLead) {
    const fields: [string, string][] = [
      ...Object.keys(FORM_FIELDS)
        .filter((k) => typeof (g as Record<string, unknown>)[k] === 'string')
        .map((k) => [k, (g as Record<string, unknown>)[k] as string] as [string, string]),
      ...g.custom,
    ];
    const body = fields.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    const intakePath = (k: string) => FORM_FIELDS[k] ?? `customFields.${k}`;
    const mustName = fields
      .filter(([k, v]) => unstorable(k) || RESERVED.has(k) || unstorable(v))
      .map(([k]) => (k.isWellFormed() ? k : percentEncode(k)));
    const mayName = new Set([
      'contact.name',
      'contact.email',
      'customFields',
      // A name that is not UTF-8 once decoded is named as sent, escapes and all.
      ...fields.flatMap(([k]) => [k, intakePath(k), percentEncode(k)]),
    ]);
    // Empty fields are dropped (documented); the rest are trimmed like JSON text.
    const kept = fields.filter(([, v]) => v.trim() !== '');
    const value = (k: string) => kept.find(([f]) => f === k)?.[1].trim();
    const utm = defined({ source: value('utm_source'), term: value('utm_term') });
    const context = defined({
      form: value('form'),
      landingPage: value('landingPage'),
      utm: Object.keys(utm).length ? utm : undefined,
    });
    const expected: Expected = {
      contact: defined({
        name: value('name'),
        email: value('email')?.toLowerCase(),
        phone: value('phone'),
        company: value('company'),
      }) as Record<string, string>,
      message: value('message') ?? null,
      externalId: value('externalId') ?? null,
      customFields: Object.fromEntries(
        kept.filter(([k]) => !(k in FORM_FIELDS)).map(([k, v]) => [k.trim(), v.trim()]),
      ),
      context,
    };
    return { body, mustName, mayName, expected, bytes: Buffer.byteLength(body) };
  }

  it('POST /api/v1/intake/:slug (urlencoded HTML form)', async () => {
    await fc.assert(
      fc.asyncProperty(formLead, async (g) => {
        const c = formCase(g);
        const before = await leadCount();
        const res = await t
          .http()
          .post('/api/v1/intake/unicode-form')
          .set('Origin', origin)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send(c.body);
        await check(res, c, before, 'form');
      }),
      { numRuns: 100 },
    );
  });
});
