import { envSecrets } from './env-secrets';

describe('envSecrets', () => {
  const secrets = envSecrets({ BATON_SECRET_CRM_KEY: 's3cret', BATON_SECRET_EMPTY: '' });
  it.each([
    ['crm-key', 's3cret'],
    ['CRM.KEY', 's3cret'],
    ['missing', undefined],
    ['empty', undefined],
  ])('resolves %s', (name, value) => {
    expect(secrets(name)).toBe(value);
  });
});
