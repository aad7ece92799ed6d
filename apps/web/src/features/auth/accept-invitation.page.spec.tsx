import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { AcceptInvitationPage } from './accept-invitation.page';
import { currentUserQueryKey } from './auth.api';

const token = 'tok_abcdefghijklmnopqrstuvwxyz012345';
const lookupRoute = `GET /api/v1/invitations/${token}`;
const acceptRoute = `POST /api/v1/invitations/${token}/accept`;
const nina = { name: 'Nina New', email: 'nina@example.com', expiresAt: '2026-12-10T09:00:00.000Z' };
const render = () =>
  renderWithProviders(<AcceptInvitationPage />, {
    path: '/invite/:token',
    url: `/invite/${token}`,
  });
const error = (statusCode: number, message: string) =>
  fakeResponse(statusCode, { statusCode, error: 'Error', message });

function choose(password: string, confirm = password) {
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Confirm password'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('AcceptInvitationPage', () => {
  it('shows whose invitation it is, sets the password and lands in the inbox signed in', async () => {
    let accepted: RecordedRequest | undefined;
    const me = { id: testUuid(3), name: 'Nina New', email: 'nina@example.com', role: 'rep' };
    mockFetch({
      [lookupRoute]: fakeResponse(200, nina),
      [acceptRoute]: (request) => {
        accepted = request;
        return fakeResponse(200, me);
      },
    });
    const { queryClient, location } = render();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Welcome, Nina New',
    );
    expect(document.body.textContent).toContain('nina@example.com');

    choose('a long enough passphrase');
    await waitFor(() => expect(location().pathname).toBe('/leads'));
    expect(accepted?.body).toEqual({ password: 'a long enough passphrase' });
    expect(queryClient.getQueryData(currentUserQueryKey)).toEqual(me);
  });

  it('checks length and that both passwords match before sending anything', async () => {
    const { requests } = mockFetch({ [lookupRoute]: fakeResponse(200, nina) });
    render();
    await screen.findByText('Welcome, Nina New');

    choose('short');
    expect(screen.getByText('Password must be at least 12 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');

    choose('a long enough passphrase', 'a different passphrase');
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(screen.getByLabelText('Confirm password').getAttribute('aria-invalid')).toBe('true');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it.each([
    [410, 'This invitation has expired', /ask your admin for a new link/i],
    [409, 'This invitation was already used', /sign in with the password you chose/i],
    [404, 'This invitation link does not work', /ask your admin for a new link/i],
  ])('explains a dead link (%i) and what to do', async (status, title, advice) => {
    mockFetch({ [lookupRoute]: error(status, 'from the server') });
    render();
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('h1')?.textContent).toBe(title);
    expect(alert.textContent).toMatch(advice);
    expect(screen.getByRole('link', { name: 'Go to sign-in' }).getAttribute('href')).toBe('/');
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('turns into the expired notice when the link expires while the page is open', async () => {
    mockFetch({
      [lookupRoute]: fakeResponse(200, nina),
      [acceptRoute]: error(410, 'This invitation link has expired'),
    });
    render();
    await screen.findByText('Welcome, Nina New');
    choose('a long enough passphrase');
    expect(await screen.findByText('This invitation has expired')).toBeTruthy();
    expect(screen.queryByText('Welcome, Nina New')).toBeNull();
  });

  it('shows other failures with a retry', async () => {
    mockFetch({ [lookupRoute]: error(503, 'Baton is restarting') });
    render();
    expect(await screen.findByText('Baton is restarting')).toBeTruthy();
    expect(screen.getByRole('button', { name: /try again|retry/i })).toBeTruthy();
  });
});
