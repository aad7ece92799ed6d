import { OidcStateCookie } from './oidc-state-cookie';

describe('OidcStateCookie', () => {
  const cookie = new OidcStateCookie('client-secret');
  const pending = { state: 's', nonce: 'n', codeVerifier: 'v', expiresAt: Date.now() + 60_000 };

  it('opens what it sealed', () => {
    expect(cookie.open(cookie.seal(pending))).toEqual(pending);
  });

  it('refuses a changed body, a cookie sealed with another secret, junk and an expired one', () => {
    const [, mac] = cookie.seal(pending).split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...pending, state: 'evil' })).toString(
      'base64url',
    );
    expect(cookie.open(`${forgedBody}.${mac}`)).toBeNull();
    expect(cookie.open(new OidcStateCookie('other').seal(pending))).toBeNull();
    expect(cookie.open('junk')).toBeNull();
    expect(cookie.open(undefined)).toBeNull();
    expect(cookie.open(cookie.seal({ ...pending, expiresAt: Date.now() - 1 }))).toBeNull();
  });
});
