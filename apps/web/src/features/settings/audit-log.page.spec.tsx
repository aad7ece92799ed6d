import type { AuditEntry, CurrentUser } from '@baton/api-contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { AuditLogPage } from './audit-log.page';

const admin: CurrentUser = { ...testManager, id: testUuid(1), role: 'admin', name: 'Dana' };
const entry = (id: number, partial: Partial<AuditEntry>): AuditEntry => ({
  id: String(id),
  action: 'user.update',
  entityType: 'user',
  entityId: testUuid(3),
  entityName: 'Sam',
  before: { role: 'rep' },
  after: { role: 'manager' },
  at: '2026-11-01T10:00:00.000Z',
  actorId: testUuid(1),
  actorName: 'Dana',
  ...partial,
});
const dana = {
  id: testUuid(1),
  email: 'dana@example.com',
  name: 'Dana',
  role: 'admin',
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
};

function serve(audit: (r: RecordedRequest) => Response) {
  return mockFetch({
    'GET /api/v1/audit': audit,
    'GET /api/v1/users': fakeResponse(200, { items: [dana] }),
  });
}

describe('AuditLogPage', () => {
  it('reads each change as a sentence with its before and after on request', async () => {
    serve(() => fakeResponse(200, { items: [entry(7, {})], nextBefore: null }));
    renderWithProviders(<AuditLogPage />, { user: admin });
    const sentence = await screen.findByText('Dana changed Sam’s role from rep to manager');
    const row = sentence.closest('li') as HTMLElement;
    const details = row.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(screen.getByText('Show the change'));
    expect(details.open).toBe(true);
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['"rep"', '"manager"']);
  });

  it('sends the filters to the API, keeps them in the URL, and pages older entries', async () => {
    const { requests } = serve((request) =>
      request.url.searchParams.get('before')
        ? fakeResponse(200, {
            items: [
              entry(3, {
                action: 'team.create',
                entityType: 'team',
                entityName: 'Closers',
                before: null,
                after: { name: 'Closers' },
              }),
            ],
            nextBefore: null,
          })
        : fakeResponse(200, { items: [entry(7, {})], nextBefore: 7 }),
    );
    const view = renderWithProviders(<AuditLogPage />, { user: admin });
    await screen.findByText('Dana changed Sam’s role from rep to manager');
    await screen.findByRole('option', { name: 'Dana' });
    fireEvent.change(screen.getByLabelText('Who'), { target: { value: testUuid(1) } });
    fireEvent.change(screen.getByLabelText('What'), { target: { value: 'user' } });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'user.update' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-02' } });
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/v1/audit').at(-1);
      expect(last?.url.searchParams.get('to')).toBe(new Date(2026, 10, 3).toISOString());
    });
    const last = requests.filter((r) => r.url.pathname === '/api/v1/audit').at(-1);
    expect(Object.fromEntries(last?.url.searchParams ?? [])).toMatchObject({
      actorId: testUuid(1),
      entityType: 'user',
      action: 'user.update',
      from: new Date(2026, 10, 1).toISOString(),
    });
    expect(view.location().search).toContain('entityType=user');

    fireEvent.click(await screen.findByRole('button', { name: 'Show older changes' }));
    await screen.findByText('Dana created the team Closers');
    expect(requests.at(-1)?.url.searchParams.get('before')).toBe('7');
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
  });

  it('teaches what lands here when nothing has yet', async () => {
    serve(() => fakeResponse(200, { items: [], nextBefore: null }));
    renderWithProviders(<AuditLogPage />, { user: admin });
    expect(
      (await screen.findByRole('heading', { name: 'No changes recorded yet' })).textContent,
    ).toBeTruthy();
    expect(screen.getByText(/average deal value under General/)).toBeTruthy();
  });

  it('offers to clear filters that match nothing', async () => {
    serve(() => fakeResponse(200, { items: [], nextBefore: null }));
    const view = renderWithProviders(<AuditLogPage />, {
      user: admin,
      url: '/?entityType=team',
    });
    await screen.findByRole('heading', { name: 'No changes match these filters' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('heading', { name: 'No changes recorded yet' });
    expect(view.location().search).toBe('');
  });

  it('shows the API’s refusal in words', async () => {
    serve(() =>
      fakeResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'to: to must be after from',
        issues: [{ path: 'to', message: 'to must be after from' }],
      }),
    );
    renderWithProviders(<AuditLogPage />, { user: admin });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('to must be after from');
  });
});
