import { loadApiConfig } from '../../config/api-config';

const base = { DATABASE_URL: 'postgres://localhost/baton' };
const sso = {
  ...base,
  BATON_PUBLIC_URL: 'https://baton.example.com/',
  OIDC_ISSUER_URL: 'https://idp.example.com/realms/acme',
  OIDC_CLIENT_ID: 'baton',
  OIDC_CLIENT_SECRET: 'secret',
};

describe('single sign-on configuration', () => {
  it('is off with passwords on by default, empty variables counting as unset', () => {
    expect(loadApiConfig(base).signIn).toEqual({ oidc: null, localPasswords: true });
    const empty = Object.fromEntries(
      [
        'OIDC_ISSUER_URL',
        'OIDC_CLIENT_ID',
        'OIDC_DISPLAY_NAME',
        'OIDC_SCOPES',
        'BATON_LOCAL_PASSWORDS',
      ].map((name) => [name, '']),
    );
    expect(loadApiConfig({ ...base, ...empty }).signIn).toEqual({
      oidc: null,
      localPasswords: true,
    });
    expect(loadApiConfig({ ...sso, OIDC_DISPLAY_NAME: '' }).signIn.oidc?.displayName).toBe('SSO');
  });

  it('derives the redirect URL from the public URL and parses the role map', () => {
    const { oidc } = loadApiConfig({
      ...sso,
      OIDC_DISPLAY_NAME: 'Okta',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'it=admin, sales leads=manager ,sales=rep',
    }).signIn;
    expect(oidc?.redirectUrl).toBe('https://baton.example.com/api/v1/auth/oidc/callback');
    expect(oidc?.displayName).toBe('Okta');
    expect(oidc?.roleMapping?.claim).toBe('groups');
    expect([...(oidc?.roleMapping?.roles ?? [])]).toEqual([
      ['it', 'admin'],
      ['sales leads', 'manager'],
      ['sales', 'rep'],
    ]);
  });

  it('names what is missing in a half-done setup', () => {
    expect(() => loadApiConfig({ ...base, OIDC_ISSUER_URL: 'https://idp.example.com' })).toThrow(
      /OIDC_CLIENT_ID: is required[\s\S]*OIDC_CLIENT_SECRET: is required[\s\S]*BATON_PUBLIC_URL: is required/,
    );
    expect(() => loadApiConfig({ ...sso, OIDC_ROLE_CLAIM: 'groups' })).toThrow(
      /OIDC_ROLE_MAP: is required/,
    );
    expect(() =>
      loadApiConfig({ ...sso, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'it=root' }),
    ).toThrow(/OIDC_ROLE_MAP: "it=root" is not <claim value>=<admin\|manager\|rep>/);
    expect(() => loadApiConfig({ ...sso, OIDC_SCOPES: 'email' })).toThrow(
      /OIDC_SCOPES: must include openid/,
    );
  });

  it('refuses to turn passwords off without single sign-on, and takes only on/off', () => {
    expect(() => loadApiConfig({ ...base, BATON_LOCAL_PASSWORDS: 'off' })).toThrow(
      /BATON_LOCAL_PASSWORDS: off needs single sign-on/,
    );
    expect(() => loadApiConfig({ ...sso, BATON_LOCAL_PASSWORDS: 'no' })).toThrow(
      /BATON_LOCAL_PASSWORDS/,
    );
    expect(loadApiConfig({ ...sso, BATON_LOCAL_PASSWORDS: 'off' }).signIn.localPasswords).toBe(
      false,
    );
  });
});
