import type { CurrentUser } from '@baton/api-contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { GeneralSettingsPage } from './general-settings.page';

const admin: CurrentUser = { ...testManager, id: testUuid(1), role: 'admin', name: 'Ada Admin' };
const office = {
  id: testUuid(40),
  name: 'Office hours',
  timeZone: 'Europe/London',
  weekly: {},
  holidays: [],
  usedBy: { users: 0, teams: 0 },
  createdAt: '2026-11-01T10:00:00.000Z',
};

function serve(extra: Record<string, (r: RecordedRequest) => Response> = {}) {
  return mockFetch({
    'GET /api/v1/settings': fakeResponse(200, { averageDealValue: 1200, defaultScheduleId: null }),
    'GET /api/v1/schedules': fakeResponse(200, { items: [office] }),
    ...extra,
  });
}

const dealInput = () => screen.findByLabelText('Average deal value') as Promise<HTMLInputElement>;

describe('GeneralSettingsPage', () => {
  it('shows the deal value as the dashboard formats it and saves only what changed', async () => {
    let sent: RecordedRequest | undefined;
    serve({
      'PATCH /api/v1/settings': (request) => {
        sent = request;
        return fakeResponse(200, { averageDealValue: 2500, defaultScheduleId: office.id });
      },
    });
    renderWithProviders(<GeneralSettingsPage />, { user: admin });
    const deal = await dealInput();
    expect(deal.value).toBe('1200');
    expect(document.getElementById('settings-averageDealValue-hint')?.textContent).toContain(
      'revenue-leak metric',
    );
    expect(document.getElementById('settings-averageDealValue-hint')?.textContent).toContain(
      (1200).toLocaleString(),
    );
    fireEvent.change(deal, { target: { value: '2500' } });
    fireEvent.change(screen.getByLabelText('Default business hours'), {
      target: { value: office.id },
    });
    expect(screen.getByRole('status').textContent).toBe('Unsaved changes');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(sent?.body).toEqual({ averageDealValue: 2500, defaultScheduleId: office.id });
  });

  it('names the field a bad value is wrong in, from the schema and from the server', async () => {
    const { requests } = serve({
      'PATCH /api/v1/settings': () =>
        fakeResponse(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'defaultScheduleId: no such schedule',
          issues: [{ path: 'defaultScheduleId', message: 'no such schedule' }],
        }),
    });
    renderWithProviders(<GeneralSettingsPage />, { user: admin });
    const deal = await dealInput();
    fireEvent.change(deal, { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(document.getElementById('settings-averageDealValue-error')?.textContent).toMatch(
      />=\s*0/,
    );
    expect(deal.getAttribute('aria-invalid')).toBe('true');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    fireEvent.change(deal, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(document.getElementById('settings-averageDealValue-error')?.textContent).toContain(
      'Enter an amount',
    );

    fireEvent.change(deal, { target: { value: '1200' } });
    fireEvent.change(screen.getByLabelText('Default business hours'), {
      target: { value: office.id },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(document.getElementById('settings-defaultScheduleId-error')?.textContent).toBe(
        'no such schedule',
      ),
    );
    expect(screen.getByRole('alert').textContent).toContain('defaultScheduleId: no such schedule');
  });

  it('lets managers read the settings but not change them', async () => {
    serve();
    renderWithProviders(<GeneralSettingsPage />);
    const deal = await dealInput();
    expect(deal.disabled).toBe(true);
    expect(screen.getByText('Only admins change these settings.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    // Managers see no link to the admins' audit log.
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Status' })).toBeTruthy();
  });

  it('says so when the settings cannot be loaded', async () => {
    mockFetch({
      'GET /api/v1/settings': fakeResponse(500, 'boom'),
      'GET /api/v1/schedules': fakeResponse(200, { items: [] }),
    });
    renderWithProviders(<GeneralSettingsPage />, { user: admin });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Settings could not be loaded');
  });
});
