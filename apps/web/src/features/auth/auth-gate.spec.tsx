import { screen } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { AuthGate } from './auth-gate';

const unauthorized = () =>
  fakeResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });

describe('AuthGate', () => {
  it('shows the login page the API describes when there is no session', async () => {
    mockFetch({
      'GET /api/v1/auth/me': unauthorized,
      'GET /api/v1/auth/providers': () =>
        fakeResponse(200, {
          passwords: false,
          sso: { name: 'Entra ID', startUrl: '/api/v1/auth/oidc/start' },
        }),
    });
    renderWithProviders(<AuthGate>signed in</AuthGate>);

    expect(await screen.findByRole('link', { name: 'Sign in with Entra ID' })).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('falls back to the password form when the API cannot say', async () => {
    mockFetch({ 'GET /api/v1/auth/me': unauthorized });
    renderWithProviders(<AuthGate>signed in</AuthGate>);

    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });
});
