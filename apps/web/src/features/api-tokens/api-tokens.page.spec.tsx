import type { ApiToken, CurrentUser, OwnedApiToken } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { ApiTokensPage } from './api-tokens.page';

const rep: CurrentUser = { ...testManager, role: 'rep', name: 'Riley Rep' };
const admin: CurrentUser = { ...testManager, role: 'admin', name: 'Ada Admin' };
const crmSync: ApiToken = {
  id: testUuid(800),
  name: 'CRM sync',
  prefix: 'baton_pat_Ab12Cd',
  state: 'active',
  createdAt: '2026-11-01T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2027-01-30T10:00:00.000Z',
  revokedAt: null,
};
const secret = 'baton_pat_Ab12Cd-secret-shown-once-0123456789abcdefghijklmno';

afterEach(() => jest.restoreAllMocks());

describe('ApiTokensPage', () => {
  it('teaches with a curl line for this origin when there are no tokens, and shows no admin section to a rep', async () => {
    mockFetch({ 'GET /api/v1/me/tokens': fakeResponse(200, { items: [] }) });
    renderWithProviders(<ApiTokensPage />, { user: rep });
    const empty = (await screen.findByText('No API tokens yet')).closest('section');
    expect(empty?.textContent).toContain(
      `curl ${window.location.origin}/api/v1/auth/me \\\n  -H 'Authorization: Bearer <your API token>'`,
    );
    expect(screen.getByText(/It can do exactly what you can as a rep/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'All tokens' })).toBeNull();
  });

  it('creates a token with an expiry and shows its secret once', async () => {
    let created: RecordedRequest | undefined;
    mockFetch({
      'GET /api/v1/me/tokens': fakeResponse(200, { items: [] }),
      'POST /api/v1/me/tokens': (request) => {
        created = request;
        return fakeResponse(201, { token: crmSync, secret });
      },
    });
    renderWithProviders(<ApiTokensPage />, { user: rep });
    fireEvent.click(await screen.findByRole('button', { name: 'New token' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'CRM sync' } });
    fireEvent.change(screen.getByLabelText('Expires after'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    expect((await screen.findByTestId('api-token-secret')).textContent).toBe(secret);
    expect(created?.body).toEqual({ name: 'CRM sync', expiresInDays: 30 });
    const reveal = screen.getByRole('status');
    expect(reveal.textContent).toContain(`-H 'Authorization: Bearer ${secret}'`);
    expect(within(reveal).getByRole('button', { name: 'Copy token' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have stored the token' }));
    expect(screen.queryByTestId('api-token-secret')).toBeNull();
  });

  it('sends null for a token that never expires, and names the field the API refused', async () => {
    let sent: unknown;
    mockFetch({
      'GET /api/v1/me/tokens': fakeResponse(200, { items: [] }),
      'POST /api/v1/me/tokens': (request) => {
        sent = request.body;
        return fakeResponse(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'name: name must be at most 100 characters',
          issues: [{ path: 'name', message: 'name must be at most 100 characters' }],
        });
      },
    });
    renderWithProviders(<ApiTokensPage />, { user: rep });
    fireEvent.click(await screen.findByRole('button', { name: 'New token' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Too long' } });
    fireEvent.change(screen.getByLabelText('Expires after'), { target: { value: 'never' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    await screen.findByText('name must be at most 100 characters');
    expect(sent).toEqual({ name: 'Too long', expiresInDays: null });
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists tokens and revokes one after a confirmation', async () => {
    const revoked: ApiToken = {
      ...crmSync,
      id: testUuid(801),
      name: 'Old laptop',
      state: 'revoked',
    };
    let deleted: string | undefined;
    mockFetch({
      'GET /api/v1/me/tokens': fakeResponse(200, { items: [crmSync, revoked] }),
      [`DELETE /api/v1/me/tokens/${crmSync.id}`]: (request) => {
        deleted = request.url.pathname;
        return fakeResponse(204);
      },
    });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    renderWithProviders(<ApiTokensPage />, { user: rep });
    const rows = await screen.findAllByTestId('api-token-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/CRM sync.*baton_pat_Ab12Cd….*Never.*Active/),
      expect.stringMatching(/Old laptop.*Revoked/),
    ]);
    // A revoked token has nothing left to revoke.
    expect(within(rows[1] as HTMLElement).queryByRole('button')).toBeNull();

    const revoke = within(rows[0] as HTMLElement).getByRole('button', { name: 'Revoke CRM sync' });
    fireEvent.click(revoke);
    expect(confirm).toHaveBeenCalledWith(
      'Revoke the token “CRM sync”? Scripts using it get 401 from now on.',
    );
    expect(deleted).toBeUndefined();
    fireEvent.click(revoke);
    await waitFor(() => expect(deleted).toBe(`/api/v1/me/tokens/${crmSync.id}`));
  });

  it("shows admins everyone's tokens with their person, and revokes through the admin route", async () => {
    const leaver: OwnedApiToken = {
      ...crmSync,
      id: testUuid(802),
      name: 'Nightly export',
      owner: { id: testUuid(20), name: 'Lee Leaver', email: 'lee@example.com', role: 'rep' },
    };
    const { requests } = mockFetch({
      'GET /api/v1/me/tokens': fakeResponse(200, { items: [] }),
      'GET /api/v1/tokens': fakeResponse(200, { items: [leaver] }),
      [`DELETE /api/v1/tokens/${leaver.id}`]: fakeResponse(204),
    });
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithProviders(<ApiTokensPage />, { user: admin });
    const all = (await screen.findByRole('heading', { name: 'All tokens' })).closest('section');
    const row = await within(all as HTMLElement).findByTestId('api-token-row');
    expect(row.textContent).toContain('Lee Leaver');
    expect(row.textContent).toContain('lee@example.com');
    fireEvent.click(
      within(row).getByRole('button', { name: 'Revoke Nightly export of Lee Leaver' }),
    );
    await waitFor(() =>
      expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toContain(
        `DELETE /api/v1/tokens/${leaver.id}`,
      ),
    );
  });

  it('says so when the tokens cannot be loaded', async () => {
    mockFetch({
      'GET /api/v1/me/tokens': fakeResponse(500, {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Database unavailable',
      }),
    });
    renderWithProviders(<ApiTokensPage />, { user: rep });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your tokens could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
