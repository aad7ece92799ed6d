import { leadIntakeSchema } from './lead-intake.schema';

const issuesOf = (input: unknown) => {
  const r = leadIntakeSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('leadIntakeSchema', () => {
  it.each([
    ['email only', { contact: { name: 'Ada', email: 'ada@example.com' } }],
    ['phone only', { contact: { name: 'Ada', phone: '+44 (0)20 7946-0000' } }],
    [
      'everything',
      {
        externalId: 'x1',
        contact: { name: 'Ada', email: 'a@b.co', company: 'AE' },
        message: 'Hi',
        customFields: { seats: 40, urgent: true, note: null },
        source: { form: 'demo', utm: { source: 'google' }, landingPage: 'https://example.com/x' },
      },
    ],
  ])('accepts %s', (_name, input) => {
    expect(issuesOf(input)).toEqual([]);
  });

  it.each([
    [
      'no name',
      { contact: { email: 'a@b.co' } },
      'contact.name: Invalid input: expected string, received undefined',
    ],
    [
      'blank name',
      { contact: { name: '   ', email: 'a@b.co' } },
      'contact.name: name must not be empty',
    ],
    [
      'no way to reach them',
      { contact: { name: 'Ada' } },
      'contact.email: a lead needs an email or a phone number',
    ],
    [
      'letters in the phone',
      { contact: { name: 'Ada', phone: 'call me' } },
      'contact.phone: phone may contain digits, spaces, + ( ) . - / only',
    ],
    [
      'an unknown key',
      { contact: { name: 'Ada', email: 'a@b.co' }, color: 'red' },
      ': Unrecognized key: "color"',
    ],
    [
      'a nested custom field',
      { contact: { name: 'Ada', email: 'a@b.co' }, customFields: { a: [1] } },
      'customFields.a: Invalid input',
    ],
    [
      'too many custom fields',
      {
        contact: { name: 'Ada', email: 'a@b.co' },
        customFields: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])),
      },
      'customFields: at most 50 custom fields',
    ],
  ])('rejects %s with a precise message', (_name, input, message) => {
    expect(issuesOf(input)).toContain(message);
  });

  it('refuses custom-field keys that are the same once trimmed, naming both', () => {
    expect(
      issuesOf({
        contact: { name: 'Ada', email: 'a@b.co' },
        customFields: { plan: 'pro', ' plan ': 'free', seats: 3, 'seats\t': 4 },
      }),
    ).toEqual([
      'customFields. plan : keys "plan" and " plan " are the same once spaces are trimmed; send one',
      'customFields.seats\t: keys "seats" and "seats\\t" are the same once spaces are trimmed; send one',
    ]);
  });

  it.each([' __proto__ ', 'constructor\n', '\tprototype'])(
    'refuses the custom-field key %p, reserved once trimmed',
    (key) => {
      expect(
        issuesOf({ contact: { name: 'Ada', email: 'a@b.co' }, customFields: { [key]: 'x' } }),
      ).toEqual([`customFields.${key}: this key name is reserved`]);
    },
  );

  it('trims custom-field keys that stay distinct', () => {
    const parsed = leadIntakeSchema.parse({
      contact: { name: 'Ada', email: 'a@b.co' },
      customFields: { ' plan ': 'pro', seats: 3 },
    });
    expect(parsed.customFields).toEqual({ plan: 'pro', seats: 3 });
  });

  it('keeps astral, RTL and combining characters as sent', () => {
    const name = '\u200fשרה 🚀 e\u0301';
    const parsed = leadIntakeSchema.parse({ contact: { name, email: 'a@b.co' }, message: name });
    expect(parsed.contact.name).toBe(name);
    expect(parsed.message).toBe(name);
  });

  it('trims text and keeps script-looking text as data', () => {
    const parsed = leadIntakeSchema.parse({
      contact: { name: '  <b>Ada</b> ', email: 'a@b.co' },
      message: ' {{x}} ',
    });
    expect(parsed.contact.name).toBe('<b>Ada</b>');
    expect(parsed.message).toBe('{{x}}');
  });
});
