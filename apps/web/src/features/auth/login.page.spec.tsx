import type { CurrentUser } from '@baton/api-contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { currentUserQueryKey } from './auth.api';
import { LoginPage } from './login.page';

const user: CurrentUser = {
  id: testUuid(5),
  name: 'Grace Hopper',
  email: 'grace@example.com',
  role: 'manager',
};

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it("shows the server's message when the credentials are rejected", async () => {
    mockFetch({
      'POST /api/v1/auth/login': fakeResponse(401, {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Email or password is incorrect.',
      }),
    });
    renderWithProviders(<LoginPage />);

    fillAndSubmit('grace@example.com', 'wrong');

    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('shows the rate-limit message on 429', async () => {
    mockFetch({
      'POST /api/v1/auth/login': fakeResponse(429, {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many sign-in attempts. Try again in 60 seconds.',
      }),
    });
    renderWithProviders(<LoginPage />);

    fillAndSubmit('grace@example.com', 'guess');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many sign-in attempts. Try again in 60 seconds.',
    );
  });

  it('shows field issues from the server next to the field', async () => {
    mockFetch({
      'POST /api/v1/auth/login': fakeResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        issues: [{ path: 'password', message: 'password is too long' }],
      }),
    });
    renderWithProviders(<LoginPage />);

    fillAndSubmit('grace@example.com', 'x');

    expect(await screen.findByText('password is too long')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('disables the button while signing in, then stores the signed-in user', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { requests } = mockFetch({
      'POST /api/v1/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { queryClient } = renderWithProviders(<LoginPage />);

    fillAndSubmit('  grace@example.com ', 'correct horse');

    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect(button).toHaveProperty('disabled', true);
    expect(requests[0]?.body).toEqual({ email: 'grace@example.com', password: 'correct horse' });

    answer(fakeResponse(200, user));
    await waitFor(() => expect(queryClient.getQueryData(currentUserQueryKey)).toEqual(user));
  });

  it('checks the form before calling the server', () => {
    const { fetchMock } = mockFetch({});
    renderWithProviders(<LoginPage />);

    fillAndSubmit('not-an-email', '');

    expect(screen.getByText('Enter your password.')).toBeTruthy();
    fillAndSubmit('not-an-email', 'pw');
    expect(screen.getByText('Email must be a valid address.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  describe('with single sign-on', () => {
    const sso = { name: 'Okta', startUrl: '/api/v1/auth/oidc/start' };
    afterEach(() => window.history.replaceState(null, '', '/'));

    it('offers "Sign in with <provider>" above the password form', () => {
      mockFetch({});
      renderWithProviders(<LoginPage options={{ passwords: true, sso }} />);

      const link = screen.getByRole('link', { name: 'Sign in with Okta' });
      expect(link.getAttribute('href')).toBe('/api/v1/auth/oidc/start');
      expect(link.className).not.toContain('button-primary');
      expect(screen.getByLabelText('Password')).toBeTruthy();
      expect(screen.getByText('or with your Baton password')).toBeTruthy();
    });

    it('hides the password form when passwords are off', () => {
      mockFetch({});
      renderWithProviders(<LoginPage options={{ passwords: false, sso }} />);

      const link = screen.getByRole('link', { name: 'Sign in with Okta' });
      expect(link.className).toContain('button-primary');
      expect(document.activeElement).toBe(link);
      expect(screen.queryByLabelText('Password')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
      expect(screen.getByText(/Password sign-in is turned off here/)).toBeTruthy();
    });

    it("shows why the provider's sign-in came back refused, then tidies the address", () => {
      mockFetch({});
      window.history.replaceState(null, '', '/?sso_error=no_account&sso_email=x%40y.example');
      renderWithProviders(<LoginPage options={{ passwords: false, sso }} />);

      expect(screen.getByRole('alert').textContent).toBe(
        'No Baton account for x@y.example — ask your admin to invite you.',
      );
      expect(window.location.search).toBe('');
    });

    it('names the provider when the person cancelled there', () => {
      mockFetch({});
      window.history.replaceState(null, '', '/?sso_error=denied');
      renderWithProviders(<LoginPage options={{ passwords: true, sso }} />);

      expect(screen.getByRole('alert').textContent).toBe(
        'Sign-in with Okta was cancelled. Try again when you are ready.',
      );
    });

    it('shows no error for a code it does not know', () => {
      mockFetch({});
      window.history.replaceState(null, '', '/?sso_error=call-555-now');
      renderWithProviders(<LoginPage options={{ passwords: true, sso }} />);

      expect(screen.queryByRole('alert')).toBeNull();
    });
  });
});
