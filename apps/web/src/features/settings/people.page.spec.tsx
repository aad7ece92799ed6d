import type { CurrentUser, TeamView, UserView } from '@baton/api-contract';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { PeoplePage } from './people.page';

const admin: CurrentUser = { ...testManager, id: testUuid(1), role: 'admin', name: 'Ada Admin' };
const riley: UserView = {
  id: testUuid(10),
  email: 'riley@example.com',
  name: 'Riley Rep',
  role: 'rep',
  status: 'available',
  outOfOfficeUntil: null,
  capacity: 25,
  weight: 1,
  skills: [],
  territories: [],
  scheduleId: null,
  teams: [{ id: testUuid(20), name: 'Front desk' }],
  openLeads: 4,
  flag: { at: '2026-12-01T10:00:00.000Z', reason: '3 SLA breaches in 7 days' },
  canSignIn: true,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('PeoplePage', () => {
  it('lists people with their teams, load and the repeat-breach flag, which a manager can clear', async () => {
    let cleared: RecordedRequest | undefined;
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [riley] }),
      [`PATCH /api/v1/users/${riley.id}`]: (request) => {
        cleared = request;
        return fakeResponse(200, { ...riley, flag: null });
      },
    });
    renderWithProviders(<PeoplePage />);
    const row = await screen.findByRole('row', { name: /Riley Rep/ });
    expect(row.textContent).toContain('Front desk');
    expect(row.textContent).toContain('4 / 25');
    expect(row.textContent).toContain('3 SLA breaches in 7 days');
    expect(screen.getByText(/1 person, 1 flagged/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a person' })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Remove' })).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Clear flag' }));
    expect(await screen.findByText('The flag on Riley Rep is cleared.')).toBeTruthy();
    expect(cleared?.body).toEqual({ clearFlag: true });
  });

  it('lets an admin add a rep with a first password and says they can sign in', async () => {
    let created: RecordedRequest | undefined;
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [] }),
      'POST /api/v1/users': (request) => {
        created = request;
        return fakeResponse(201, { ...riley, id: testUuid(11), name: 'Sam Rep', flag: null });
      },
    });
    renderWithProviders(<PeoplePage />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    fireEvent.click(screen.getByLabelText(/Set a first password/));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Sam Rep' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'sam@example.com' } });
    fireEvent.change(screen.getByLabelText('Skills'), { target: { value: 'implants, spanish' } });
    fireEvent.change(screen.getByLabelText('First password'), {
      target: { value: 'first-password-123' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByText(/Sam Rep can sign in now/)).toBeTruthy();
    expect(created?.body).toEqual({
      name: 'Sam Rep',
      email: 'sam@example.com',
      role: 'rep',
      capacity: 25,
      skills: ['implants', 'spanish'],
      territories: [],
      password: 'first-password-123',
    });
  });

  it('shows the API’s reason on the field it names', async () => {
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [] }),
      'POST /api/v1/users': fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'email: someone has this address already',
        issues: [{ path: 'email', message: 'someone has this address already' }],
      }),
    });
    renderWithProviders(<PeoplePage />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    fireEvent.click(screen.getByLabelText(/Set a first password/));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Sam' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'riley@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await screen.findByText('someone has this address already');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('invites by email by default and says until when the link works', async () => {
    let invited: RecordedRequest | undefined;
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [] }),
      'POST /api/v1/invitations': (request) => {
        invited = request;
        const user = { ...riley, id: testUuid(12), name: 'Ivy Invite', canSignIn: false };
        return fakeResponse(201, {
          user,
          expiresAt: '2026-12-10T09:00:00.000Z',
          sentTo: 'ivy@example.com',
        });
      },
    });
    renderWithProviders(<PeoplePage />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }));
    expect(screen.getByLabelText(/Invite by email/)).toHaveProperty('checked', true);
    expect(screen.queryByLabelText('First password')).toBeNull();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Ivy Invite' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ivy@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect((await screen.findByText(/Invitation sent to ivy@example.com/)).textContent).toMatch(
      /Ivy Invite chooses a password from the link, which works once until .*2026/,
    );
    expect(invited?.body).toEqual({
      name: 'Ivy Invite',
      email: 'ivy@example.com',
      role: 'rep',
      capacity: 25,
      skills: [],
      territories: [],
    });
  });

  it('shows a pending invitation with its expiry and resends it', async () => {
    const pending: UserView = {
      ...riley,
      canSignIn: false,
      flag: null,
      invitation: { expiresAt: '2099-01-02T09:00:00.000Z' },
    };
    let resent = 0;
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [pending] }),
      [`POST /api/v1/users/${riley.id}/invitation`]: () => {
        resent++;
        return fakeResponse(201, {
          user: pending,
          expiresAt: '2099-01-09T09:00:00.000Z',
          sentTo: riley.email,
        });
      },
    });
    renderWithProviders(<PeoplePage />, { user: admin });
    const row = await screen.findByRole('row', { name: /Riley Rep/ });
    expect(row.textContent).toMatch(/Invited · expires .*2099/);
    fireEvent.click(within(row).getByRole('button', { name: 'Resend invitation' }));
    expect(
      await screen.findByText(
        /Invitation sent to riley@example.com; .*Earlier links no longer work/,
      ),
    ).toBeTruthy();
    expect(resent).toBe(1);
  });

  it('marks an expired invitation and offers a new one', async () => {
    const expired: UserView = {
      ...riley,
      canSignIn: false,
      invitation: { expiresAt: '2020-01-02T09:00:00.000Z' },
    };
    mockFetch({ 'GET /api/v1/users': fakeResponse(200, { items: [expired] }) });
    renderWithProviders(<PeoplePage />, { user: admin });
    const row = await screen.findByRole('row', { name: /Riley Rep/ });
    expect(row.textContent).toMatch(/Invitation expired .*2020/);
    expect(within(row).getByRole('button', { name: 'Resend invitation' })).toBeTruthy();
  });

  it('lets an admin edit a person’s role, teams and capacity, sending only what changed', async () => {
    const backOffice: TeamView = {
      id: testUuid(21),
      name: 'Back office',
      managerId: null,
      manager: null,
      scheduleId: null,
      members: [],
      createdAt: '2026-11-01T10:00:00.000Z',
    };
    const frontDesk: TeamView = { ...backOffice, id: testUuid(20), name: 'Front desk' };
    let saved: RecordedRequest | undefined;
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [riley] }),
      'GET /api/v1/teams': fakeResponse(200, { items: [backOffice, frontDesk] }),
      [`PATCH /api/v1/users/${riley.id}`]: (request) => {
        saved = request;
        return fakeResponse(200, { ...riley, role: 'manager' });
      },
    });
    renderWithProviders(<PeoplePage />, { user: admin });
    const row = await screen.findByRole('row', { name: /Riley Rep/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Riley Rep' }));
    const form = screen.getByRole('form', { name: 'Edit Riley Rep' });
    expect(document.activeElement?.textContent).toBe('Edit Riley Rep');
    expect(form.textContent).toContain('Can sign in.');

    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'manager' } });
    fireEvent.change(within(form).getByLabelText('Open leads at most'), {
      target: { value: '10' },
    });
    fireEvent.click(await within(form).findByLabelText('Back office'));
    fireEvent.click(within(form).getByLabelText('Front desk'));
    expect(within(form).getByLabelText('Front desk')).toHaveProperty('checked', false);
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Riley Rep is saved.')).toBeTruthy();
    expect(saved?.body).toEqual({ role: 'manager', capacity: 10, teamIds: [testUuid(21)] });
    expect(screen.queryByRole('form', { name: 'Edit Riley Rep' })).toBeNull();
  });

  it('shows a manager only the availability fields and the API’s refusal', async () => {
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [riley] }),
      [`PATCH /api/v1/users/${riley.id}`]: fakeResponse(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Managers may change only people in the teams they manage',
      }),
    });
    renderWithProviders(<PeoplePage />);
    const row = await screen.findByRole('row', { name: /Riley Rep/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Riley Rep' }));
    const form = screen.getByRole('form', { name: 'Edit Riley Rep' });
    expect(within(form).queryByLabelText('Role')).toBeNull();
    expect(within(form).queryByText('Teams')).toBeNull();
    expect(within(form).queryByRole('button', { name: /Deactivate/ })).toBeNull();
    fireEvent.change(within(form).getByLabelText('Availability'), { target: { value: 'away' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Managers may change only people in the teams they manage',
    );
  });

  it('reactivates someone who cannot sign in by sending an invitation from the edit form', async () => {
    const deactivated: UserView = { ...riley, canSignIn: false, status: 'away', teams: [] };
    let sent = 0;
    mockFetch({
      'GET /api/v1/users': fakeResponse(200, { items: [deactivated] }),
      'GET /api/v1/teams': fakeResponse(200, { items: [] }),
      [`POST /api/v1/users/${riley.id}/invitation`]: () => {
        sent++;
        return fakeResponse(201, {
          user: deactivated,
          expiresAt: '2099-01-09T09:00:00.000Z',
          sentTo: riley.email,
        });
      },
    });
    renderWithProviders(<PeoplePage />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Riley Rep' }));
    const form = screen.getByRole('form', { name: 'Edit Riley Rep' });
    expect(await within(form).findByText(/No teams yet/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Reactivate: send an invitation' }));
    expect(await screen.findByText('Invitation sent to riley@example.com.')).toBeTruthy();
    expect(sent).toBe(1);
  });
});
