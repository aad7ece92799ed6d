import type { CurrentUser, TeamView, UserView } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { TeamsPage } from './teams.page';

const admin: CurrentUser = { ...testManager, id: testUuid(1), role: 'admin', name: 'Ada Admin' };
const person = (n: number, name: string, role: UserView['role']): UserView => ({
  id: testUuid(n),
  email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
  name,
  role,
  status: 'available',
  outOfOfficeUntil: null,
  capacity: null,
  weight: 1,
  skills: [],
  territories: [],
  scheduleId: null,
  teams: [],
  openLeads: 0,
  flag: null,
  canSignIn: true,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
});
const people = [
  person(1, 'Ada Admin', 'admin'),
  person(2, 'Maya Manager', 'manager'),
  person(3, 'Riley Rep', 'rep'),
];
const schedule = {
  id: testUuid(40),
  name: 'Office hours',
  timeZone: 'Europe/London',
  weekly: {},
  holidays: [],
  usedBy: { users: 0, teams: 0 },
  createdAt: '2026-11-01T10:00:00.000Z',
};
const weekend = { ...schedule, id: testUuid(41), name: 'Weekend desk' };
const frontDesk: TeamView = {
  id: testUuid(30),
  name: 'Front desk',
  managerId: testUuid(2),
  manager: { id: testUuid(2), name: 'Maya Manager' },
  scheduleId: testUuid(40),
  members: [{ id: testUuid(3), name: 'Riley Rep', role: 'rep', status: 'away' }],
  createdAt: '2026-11-01T10:00:00.000Z',
};

function serve(teams: TeamView[], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/v1/teams': fakeResponse(200, { items: teams }),
    'GET /api/v1/users': fakeResponse(200, { items: people }),
    'GET /api/v1/schedules': fakeResponse(200, { items: [schedule, weekend] }),
    ...extra,
  });
}

describe('TeamsPage', () => {
  it('shows each team’s manager, hours and members', async () => {
    serve([frontDesk]);
    renderWithProviders(<TeamsPage />);
    const card = await screen.findByRole('article', { name: 'Front desk' });
    expect(card.textContent).toContain('Maya Manager');
    expect(card.textContent).toContain('Riley Rep (away)');
    await within(card).findByText('Office hours');
    expect(within(card).queryByRole('button', { name: 'Change members' })).toBeNull();
  });

  it('creates a team with a manager, hours and members, offering no admins as members', async () => {
    let created: RecordedRequest | undefined;
    serve([], {
      'POST /api/v1/teams': (request) => {
        created = request;
        return fakeResponse(201, frontDesk);
      },
    });
    renderWithProviders(<TeamsPage />, { user: admin });
    expect(await screen.findByText('No teams yet')).toBeTruthy();
    const add = await screen.findByRole('button', { name: 'New team' });
    // Enabled once people and schedules have loaded.
    await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(add);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Front desk' } });
    const members = screen.getByRole('group', { name: 'Members' });
    expect(within(members).queryByLabelText(/Ada Admin/)).toBeNull();
    fireEvent.click(within(members).getByLabelText(/Riley Rep/));
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));

    expect(await screen.findByText(/Front desk is ready/)).toBeTruthy();
    expect(created?.body).toEqual({
      name: 'Front desk',
      managerId: testUuid(2),
      scheduleId: testUuid(40),
      memberIds: [testUuid(3)],
    });
  });

  it('replaces the member list when an admin changes members', async () => {
    let put: RecordedRequest | undefined;
    serve([frontDesk], {
      [`PUT /api/v1/teams/${frontDesk.id}/members`]: (request) => {
        put = request;
        return fakeResponse(200, frontDesk);
      },
    });
    renderWithProviders(<TeamsPage />, { user: admin });
    const card = await screen.findByRole('article', { name: 'Front desk' });
    fireEvent.click(within(card).getByRole('button', { name: 'Change members' }));
    fireEvent.click(within(card).getByLabelText(/Maya Manager/));
    fireEvent.click(within(card).getByRole('button', { name: 'Save members' }));
    await within(card).findByRole('button', { name: 'Change members' });
    expect(put?.body).toEqual({ userIds: [testUuid(3), testUuid(2)] });
  });

  it('renames a team and changes its manager and hours, sending only what changed', async () => {
    let patch: RecordedRequest | undefined;
    serve([frontDesk], {
      [`PATCH /api/v1/teams/${frontDesk.id}`]: (request) => {
        patch = request;
        return fakeResponse(200, { ...frontDesk, name: 'Reception' });
      },
    });
    renderWithProviders(<TeamsPage />, { user: admin });
    const card = await screen.findByRole('article', { name: 'Front desk' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit team' }));
    const form = within(card).getByRole('form', { name: 'Settings of Front desk' });
    expect((within(form).getByLabelText('Manager') as HTMLSelectElement).value).toBe(testUuid(2));
    fireEvent.change(within(form).getByLabelText('Team name'), { target: { value: 'Reception' } });
    fireEvent.change(within(form).getByLabelText('Manager'), { target: { value: testUuid(1) } });
    fireEvent.change(within(form).getByLabelText('Working hours'), {
      target: { value: testUuid(41) },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save team' }));
    await waitFor(() => expect(within(card).queryByRole('form')).toBeNull());
    expect(patch?.body).toEqual({
      name: 'Reception',
      managerId: testUuid(1),
      scheduleId: testUuid(41),
    });
  });

  it('shows the API’s refusal of a change', async () => {
    serve([frontDesk], {
      [`PATCH /api/v1/teams/${frontDesk.id}`]: fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'There is already a team called "Billing"',
      }),
    });
    renderWithProviders(<TeamsPage />, { user: admin });
    const card = await screen.findByRole('article', { name: 'Front desk' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit team' }));
    fireEvent.change(within(card).getByLabelText('Team name'), { target: { value: 'Billing' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save team' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toBe('There is already a team called "Billing"');
  });

  it('deletes a team after confirming, and shows the API’s refusal when a flow routes to it', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    serve([frontDesk], {
      [`DELETE /api/v1/teams/${frontDesk.id}`]: fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Flow "Routing" routes to "Front desk"; change the flow first',
      }),
    });
    renderWithProviders(<TeamsPage />, { user: admin });
    const card = await screen.findByRole('article', { name: 'Front desk' });
    fireEvent.click(within(card).getByRole('button', { name: 'Delete team' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Delete the team Front desk\?/));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toBe(
      'Not deleted: Flow "Routing" routes to "Front desk"; change the flow first',
    );
    confirm.mockRestore();
  });

  it('deletes a team when nothing routes to it', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { requests } = serve([frontDesk], {
      [`DELETE /api/v1/teams/${frontDesk.id}`]: fakeResponse(204),
    });
    renderWithProviders(<TeamsPage />, { user: admin });
    const card = await screen.findByRole('article', { name: 'Front desk' });
    fireEvent.click(within(card).getByRole('button', { name: 'Delete team' }));
    expect(
      await screen.findByText('Front desk is deleted; its leads keep their history.'),
    ).toBeTruthy();
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    confirm.mockRestore();
  });
});
