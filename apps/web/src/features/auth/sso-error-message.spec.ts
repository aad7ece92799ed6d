import { ssoErrorFromSearch, ssoErrorMessage } from './sso-error-message';

describe('sso error messages', () => {
  it('reads the code and email from the query', () => {
    expect(ssoErrorFromSearch('?sso_error=no_account&sso_email=x%40y.example')).toEqual({
      code: 'no_account',
      email: 'x@y.example',
    });
    expect(ssoErrorFromSearch('?sso_error=denied')).toEqual({ code: 'denied', email: undefined });
  });

  it('ignores codes it does not know, so a link cannot put its own words on the page', () => {
    expect(ssoErrorFromSearch('?sso_error=Your+account+is+locked,+call+555')).toBeNull();
    expect(ssoErrorFromSearch('')).toBeNull();
  });

  it('says what happened and what to do', () => {
    expect(ssoErrorMessage({ code: 'no_account', email: 'x@y.example' }, 'Okta')).toBe(
      'No Baton account for x@y.example — ask your admin to invite you.',
    );
    expect(ssoErrorMessage({ code: 'denied' }, 'Okta')).toBe(
      'Sign-in with Okta was cancelled. Try again when you are ready.',
    );
  });
});
