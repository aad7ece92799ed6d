import type { CurrentUser, UserView } from '@baton/api-contract';
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
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Sam' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'riley@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await screen.findByText('someone has this address already');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });
});
