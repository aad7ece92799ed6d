import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeHandoffMetrics, makeLeadAging, makeMetricsRow } from '../../test/make-metrics';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { DashboardPage } from './dashboard.page';

const dayMs = 86_400_000;

function renderDashboard(url = '/dashboard') {
  return renderWithProviders(<DashboardPage />, { path: '/dashboard', url });
}

function handoffRequests(requests: RecordedRequest[]) {
  return requests.filter((r) => r.url.pathname === '/api/v1/metrics/handoff');
}

function tile(label: string) {
  const tiles = screen.getByLabelText('Key figures');
  const term = within(tiles).getByText(label);
  return term.parentElement as HTMLElement;
}

describe('DashboardPage', () => {
  it('shows the key figures, conversion by bucket, the breakdown and aging', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/metrics/handoff': fakeResponse(200, makeHandoffMetrics()),
      'GET /api/v1/metrics/aging': fakeResponse(200, makeLeadAging()),
    });
    renderDashboard();

    await screen.findByLabelText('Key figures');
    expect(within(tile('Speed to lead')).getByText('3m 42s')).toBeTruthy();
    expect(within(tile('Speed to lead')).getByText(/p90 41m/)).toBeTruthy();
    expect(within(tile('First response')).getByText('4s')).toBeTruthy();
    expect(within(tile('SLA attainment')).getByText('80%')).toBeTruthy();
    expect(
      within(tile('SLA attainment')).getByText('93 of 116 within SLA · spam left out'),
    ).toBeTruthy();
    expect(within(tile('Handoff completion')).getByText('90%')).toBeTruthy();
    expect(within(tile('Handoff completion')).getByText(/contacted · spam left out$/)).toBeTruthy();
    expect(within(tile('Revenue leak')).getByText('18,250')).toBeTruthy();
    expect(
      within(tile('Revenue leak')).getByText('31 slow or missed leads · + 6,400 after hours (9)'),
    ).toBeTruthy();

    const conversion = screen.getByRole('table', { name: 'Conversion by response time' });
    const rows = within(conversion).getAllByRole('row');
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Contacted within',
      '<1 min',
      '1-5 min',
      '5-30 min',
      '30-120 min',
      '2-24 h',
      '>24 h',
      'Not contacted',
    ]);
    expect(
      within(rows[2] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['41%', '29%', '19%', '11%', '0%', '—', '0%']);

    const breakdown = screen.getByRole('region', { name: 'By team' });
    const americas = within(breakdown).getByRole('row', { name: /Americas inbound/ });
    expect(within(americas).getByText('50%')).toBeTruthy();
    expect(within(americas).getByText('66%')).toBeTruthy();

    const aging = screen.getByRole('region', { name: 'Waiting for contact now' });
    expect(await within(aging).findByText('3h 20m')).toBeTruthy();
    expect(within(aging).getByText('Past SLA').parentElement?.textContent).toBe('Past SLA3');

    const [request] = handoffRequests(requests);
    expect(request?.url.searchParams.get('groupBy')).toBe('team');
    const from = Date.parse(request?.url.searchParams.get('from') ?? '');
    const to = Date.parse(request?.url.searchParams.get('to') ?? '');
    expect(to - from).toBe(30 * dayMs);
  });

  it('changes the window and the grouping through the URL', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/metrics/handoff': (request) =>
        fakeResponse(
          200,
          makeHandoffMetrics({
            groupBy: request.url.searchParams.get('groupBy') === 'rep' ? 'rep' : 'team',
          }),
        ),
      'GET /api/v1/metrics/aging': fakeResponse(200, makeLeadAging()),
    });
    const { location } = renderDashboard();
    await screen.findByLabelText('Key figures');

    fireEvent.click(screen.getByRole('button', { name: '7 days' }));
    await waitFor(() => expect(handoffRequests(requests)).toHaveLength(2));
    const week = handoffRequests(requests)[1];
    const span =
      Date.parse(week?.url.searchParams.get('to') ?? '') -
      Date.parse(week?.url.searchParams.get('from') ?? '');
    expect(span).toBe(7 * dayMs);
    expect(location().search).toBe('?days=7');
    expect(screen.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'rep' } });
    expect(await screen.findByRole('region', { name: 'By rep' })).toBeTruthy();
    expect(handoffRequests(requests).at(-1)?.url.searchParams.get('groupBy')).toBe('rep');
    expect(location().search).toBe('?days=7&groupBy=rep');
  });

  it('says so when the window has no leads', async () => {
    const empty = makeMetricsRow({
      leads: 0,
      speedToLead: { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null },
      firstResponse: { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null },
      timeToAssign: { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null },
      timeToAcknowledge: { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null },
      handoff: {
        routed: 0,
        contacted: 0,
        contactedWithinSla: 0,
        completionRate: null,
        slaAttainment: null,
      },
      conversionByResponseTime: [],
      revenueLeak: {
        averageDealValue: 0,
        referenceBucket: null,
        referenceConversionRate: null,
        duringHours: { leads: 0, amount: 0 },
        afterHours: { leads: 0, amount: 0 },
      },
    });
    mockFetch({
      'GET /api/v1/metrics/handoff': fakeResponse(
        200,
        makeHandoffMetrics({ total: empty, groups: [] }),
      ),
      'GET /api/v1/metrics/aging': fakeResponse(
        200,
        makeLeadAging({
          total: { waiting: 0, pastSla: 0, oldestSeconds: null, medianSeconds: null, buckets: [] },
        }),
      ),
    });
    renderDashboard('/dashboard?days=90');

    expect(await screen.findByText('No leads in the last 90 days')).toBeTruthy();
    expect(within(tile('Speed to lead')).getByText('—')).toBeTruthy();
    expect(
      within(tile('Revenue leak')).getByText('Set an average deal value to estimate it'),
    ).toBeTruthy();
    expect(await screen.findByText(/Every open lead has been contacted/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^By / })).toBeNull();
  });

  it('tells a rep the figures are their own', async () => {
    mockFetch({
      'GET /api/v1/metrics/handoff': fakeResponse(
        200,
        makeHandoffMetrics({ filters: { teamId: null, sourceId: null, ownerId: testUuid(2) } }),
      ),
      'GET /api/v1/metrics/aging': fakeResponse(200, makeLeadAging()),
    });
    renderDashboard();

    expect(await screen.findByText(/Your own leads received in the last 30 days/)).toBeTruthy();
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    mockFetch({
      'GET /api/v1/metrics/handoff': () => {
        calls += 1;
        return calls === 1
          ? fakeResponse(400, {
              statusCode: 400,
              error: 'Bad Request',
              message: 'the window from..to may span at most 366 days',
            })
          : fakeResponse(200, makeHandoffMetrics());
      },
      'GET /api/v1/metrics/aging': fakeResponse(200, makeLeadAging()),
    });
    renderDashboard();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the window from..to may span at most 366 days');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Key figures')).toBeTruthy();
  });
});
