import { leadIntakeSchema } from '@baton/api-contract';
import { formToIntake, isHoneypotFilled, withoutHoneypot } from './form-fields';

describe('formToIntake', () => {
  it('maps contact, message, UTM, context and custom fields', () => {
    const reading = formToIntake({
      name: 'Ada',
      email: 'ada@example.com',
      phone: '',
      message: 'Call me',
      utm_source: 'google',
      form: 'demo',
      seats: '40',
    });
    expect(reading).toEqual({
      ok: true,
      intake: {
        contact: { name: 'Ada', email: 'ada@example.com' },
        message: 'Call me',
        customFields: { seats: '40' },
        source: { form: 'demo', utm: { source: 'google' } },
      },
    });
    expect(reading.ok && leadIntakeSchema.safeParse(reading.intake).success).toBe(true);
  });

  it('leaves out the honeypot, also when it is repeated empty', () => {
    expect(formToIntake({ name: 'Ada', email: 'a@b.co', website_url: ['', ''] })).toEqual({
      ok: true,
      intake: { contact: { name: 'Ada', email: 'a@b.co' } },
    });
  });

  it('refuses every repeated field, named by its place in the intake, instead of picking one', () => {
    expect(
      formToIntake({
        name: ['Ada', 'Eve'],
        email: 'a@b.co',
        utm_source: ['a', 'b', 'c'],
        seats: ['1', '2'],
        message: ['x', ''],
      }),
    ).toEqual({
      ok: false,
      issues: [
        { path: 'contact.name', message: 'form field "name" was sent 2 times; send it once' },
        {
          path: 'source.utm.source',
          message: 'form field "utm_source" was sent 3 times; send it once',
        },
        {
          path: 'customFields.seats',
          message: 'form field "seats" was sent 2 times; send it once',
        },
        { path: 'message', message: 'form field "message" was sent 2 times; send it once' },
      ],
    });
  });
});

describe('isHoneypotFilled', () => {
  it.each([
    [{ website_url: 'http://spam.example' }, true],
    [{ website_url: ['', 'x'] }, true],
    [{ website_url: ['x', ''] }, true],
    [{ website_url: 0 }, true],
    [{ website_url: false }, true],
    [{ website_url: {} }, true],
    [{ website_url: '' }, false],
    [{ website_url: ['', ''] }, false],
    [{ website_url: null }, false],
    [{}, false],
  ])('%p is a bot: %p', (form, bot) => {
    expect(isHoneypotFilled(form)).toBe(bot);
  });
});

describe('withoutHoneypot', () => {
  it('drops the empty honeypot a widget sends along and leaves everything else alone', () => {
    const body = { contact: { name: 'A' }, website_url: '' };
    expect(withoutHoneypot(body)).toEqual({ contact: { name: 'A' } });
    expect(body).toHaveProperty('website_url');
    expect(withoutHoneypot([1])).toEqual([1]);
    expect(withoutHoneypot(null)).toBeNull();
  });
});
