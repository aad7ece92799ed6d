import { leadIntakeSchema } from '@baton/api-contract';
import { formToIntake } from './form-fields';

describe('formToIntake', () => {
  it('maps contact, message, UTM, context and custom fields', () => {
    const intake = formToIntake({
      name: 'Ada',
      email: 'ada@example.com',
      phone: '',
      message: 'Call me',
      utm_source: 'google',
      form: 'demo',
      seats: '40',
    });
    expect(intake).toEqual({
      contact: { name: 'Ada', email: 'ada@example.com' },
      message: 'Call me',
      customFields: { seats: '40' },
      source: { form: 'demo', utm: { source: 'google' } },
    });
    expect(leadIntakeSchema.safeParse(intake).success).toBe(true);
  });

  it('leaves out the honeypot and takes the first of repeated fields', () => {
    expect(formToIntake({ name: ['Ada', 'Eve'], email: 'a@b.co', website_url: '' })).toEqual({
      contact: { name: 'Ada', email: 'a@b.co' },
    });
  });
});
