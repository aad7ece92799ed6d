import type { Alert } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { AlertBell } from './alert-bell';

const escalation: Alert = {
  id: testUuid(1),
  kind: 'escalation',
  title: 'Escalated: Dana Patel waited 12 minutes',
  body: 'Riley Rep has not made contact',
  lead: { id: testUuid(2), name: 'Dana Patel' },
  createdAt: new Date(Date.now() - 3 * 60_000).toISOString(),
  acknowledgedAt: null,
};
const unhandled: Alert = {
  ...escalation,
  id: testUuid(3),
  kind: 'unhandled',
  title: 'Nobody available for Sam Lee',
  body: '',
  lead: { id: testUuid(4), name: 'Sam Lee' },
};

describe('AlertBell', () => {
  it('shows the unread count and, opened, my alerts with their kind and a link to the lead', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/alerts/unread-count': fakeResponse(200, { unread: 2 }),
      'GET /api/v1/alerts': fakeResponse(200, { items: [escalation, unhandled], nextCursor: null }),
    });
    renderWithProviders(<AlertBell />);

    const bell = await screen.findByRole('button', { name: 'Alerts, 2 unread' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');

    const panel = screen.getByRole('region', { name: 'Alerts' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Escalation');
    expect(items[0]?.textContent).toContain('Escalated: Dana Patel waited 12 minutes');
    expect(items[0]?.textContent).toContain('3 min ago');
    expect(
      within(items[0] as HTMLElement)
        .getByRole('link', { name: 'Open Dana Patel' })
        .getAttribute('href'),
    ).toBe(`/leads/${testUuid(2)}`);
    expect(items[1]?.textContent).toContain('Unhandled');
    const list = requests.find((r) => r.url.pathname === '/api/v1/alerts');
    expect(list?.url.searchParams.get('state')).toBe('unread');
  });

  it('acknowledges one alert and takes the count from the answer', async () => {
    let acknowledged = false;
    const { requests } = mockFetch({
      'GET /api/v1/alerts/unread-count': () => fakeResponse(200, { unread: acknowledged ? 1 : 2 }),
      'GET /api/v1/alerts': () =>
        fakeResponse(200, {
          items: acknowledged ? [unhandled] : [escalation, unhandled],
          nextCursor: null,
        }),
      [`POST /api/v1/alerts/${escalation.id}/acknowledge`]: () => {
        acknowledged = true;
        return fakeResponse(200, {
          alert: { ...escalation, acknowledgedAt: new Date().toISOString() },
          unread: 1,
        });
      },
    });
    renderWithProviders(<AlertBell />);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts, 2 unread' }));
    const [first] = await screen.findAllByRole('listitem');
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Acknowledge' }));

    expect(await screen.findByRole('button', { name: 'Alerts, 1 unread' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(requests.some((r) => r.method === 'POST')).toBe(true);
  });

  it('teaches what will appear when there is nothing, and closes on Escape', async () => {
    mockFetch({
      'GET /api/v1/alerts/unread-count': fakeResponse(200, { unread: 0 }),
      'GET /api/v1/alerts': fakeResponse(200, { items: [], nextCursor: null }),
    });
    renderWithProviders(<AlertBell />);
    const bell = await screen.findByRole('button', { name: 'Alerts, none unread' });
    fireEvent.click(bell);
    expect(await screen.findByText('You are all caught up.')).toBeTruthy();
    expect(screen.getByText(/SLA reminders, escalations and leads nobody could take/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Acknowledge all' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it('says so when an acknowledgement fails, and keeps the alert', async () => {
    mockFetch({
      'GET /api/v1/alerts/unread-count': fakeResponse(200, { unread: 1 }),
      'GET /api/v1/alerts': fakeResponse(200, { items: [escalation], nextCursor: null }),
      [`POST /api/v1/alerts/${escalation.id}/acknowledge`]: fakeResponse(404, {
        statusCode: 404,
        error: 'Not Found',
        message: `Alert ${escalation.id} does not exist`,
      }),
    });
    renderWithProviders(<AlertBell />);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts, 1 unread' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect((await screen.findByRole('alert')).textContent).toContain('does not exist');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});
