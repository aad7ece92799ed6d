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
});
