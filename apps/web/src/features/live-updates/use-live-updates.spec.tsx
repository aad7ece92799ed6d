import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { LeadList } from '@baton/api-contract';
import type { InfiniteData } from '@tanstack/react-query';
import { FakeEventSource } from '../../test/fake-event-source';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadDetail } from '../../test/make-lead-detail';
import { makeLeadSummary } from '../../test/make-lead-summary';
import { mockFetch } from '../../test/mock-fetch';
import { alertKeys } from '../alerts/alerts.api';
import { leadKeys } from '../leads/leads.api';
import { countsRefreshDelayMs, leadArrivalsKey, rowFetchDelayMs } from './lead-row-updates';
import { pollIntervalMs, streamRetryMs, useLiveUpdates } from './use-live-updates';

function setup() {
  const queryClient = new QueryClient();
  const invalidate = jest.spyOn(queryClient, 'invalidateQueries').mockResolvedValue(undefined);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useLiveUpdates(), { wrapper });
  const invalidatedKeys = () => invalidate.mock.calls.map(([filters]) => filters?.queryKey);
  return { hook, queryClient, invalidate, invalidatedKeys };
}

describe('useLiveUpdates', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    FakeEventSource.instances = [];
    Object.assign(globalThis, { EventSource: FakeEventSource });
  });

  afterEach(() => {
    jest.useRealTimers();
    Reflect.deleteProperty(globalThis, 'EventSource');
  });

  it('listens to /api/v1/events and updates the one row an event names, without refetching lists', async () => {
    const before = makeLeadSummary({ status: 'new', owner: null });
    const after = makeLeadDetail({ ...before, status: 'assigned', contact: before.contact });
    const { fetchMock } = mockFetch({
      [`GET /api/v1/leads/${before.id}`]: () => fakeResponse(200, after),
    });
    const { hook, queryClient, invalidatedKeys } = setup();
    const listKey = leadKeys.list({});
    queryClient.setQueryData<InfiniteData<LeadList, string | undefined>>(listKey, {
      pages: [{ items: [before], nextCursor: null, total: 1 }],
      pageParams: [undefined],
    });
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/v1/events');
    act(() => source.open());
    expect(hook.result.current).toBe('stream');

    // A new lead's burst of events: one fetch of that lead, no list refetch.
    for (let i = 0; i < 7; i++) {
      act(() => source.emit('lead.updated', JSON.stringify({ leadId: before.id })));
    }
    await act(async () => {
      jest.advanceTimersByTime(rowFetchDelayMs);
      await Promise.resolve();
    });
    await act(async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const list = queryClient.getQueryData<InfiniteData<LeadList>>(listKey);
    expect(list?.pages[0]?.items[0]?.status).toBe('assigned');
    expect(invalidatedKeys()).toEqual([]);

    // Counts follow once, after the burst.
    act(() => jest.advanceTimersByTime(countsRefreshDelayMs));
    expect(invalidatedKeys()).toEqual([leadKeys.viewCountsAll()]);
  });

  it('hands a lead no loaded list holds to the inbox as an arrival', async () => {
    const lead = makeLeadDetail();
    mockFetch({ [`GET /api/v1/leads/${lead.id}`]: () => fakeResponse(200, lead) });
    const { queryClient } = setup();
    act(() => FakeEventSource.latest().emit('lead.updated', JSON.stringify({ leadId: lead.id })));
    await act(async () => {
      jest.advanceTimersByTime(rowFetchDelayMs);
      for (let i = 0; i < 6; i++) await Promise.resolve();
    });
    const arrivals = queryClient.getQueryData<{ id: string }[]>(leadArrivalsKey);
    expect(arrivals?.map((l) => l.id)).toEqual([lead.id]);
  });

  it('sets my unread count from an alert event and refetches the alert lists, not the leads', () => {
    const { queryClient, invalidatedKeys } = setup();
    act(() =>
      FakeEventSource.latest().emit(
        'alert',
        JSON.stringify({
          alert: {
            id: '00000000-0000-4000-8000-000000000001',
            kind: 'escalation',
            title: 'Escalated: Dana Patel',
            body: 'Not contacted within 10 minutes',
            lead: { id: '00000000-0000-4000-8000-000000000002', name: 'Dana Patel' },
            createdAt: '2026-12-03T09:00:00.000Z',
            acknowledgedAt: null,
          },
          unread: 4,
        }),
      ),
    );
    expect(invalidatedKeys()).toEqual([alertKeys.lists()]);
    expect(queryClient.getQueryData(alertKeys.unread())).toBe(4);
  });

  it('ignores an alert event it does not understand', () => {
    const { invalidatedKeys } = setup();
    act(() => FakeEventSource.latest().emit('alert', '{"unread":"lots"}'));
    expect(invalidatedKeys()).toEqual([]);
  });

  it('refreshes every lead view when an event payload is not understood', () => {
    const { invalidatedKeys } = setup();
    act(() => FakeEventSource.latest().emit('lead.created', 'not json'));
    expect(invalidatedKeys()).toEqual([
      leadKeys.lists(),
      leadKeys.details(),
      leadKeys.viewCountsAll(),
    ]);
  });

  it('falls back to polling every 5 s when the stream fails, and retries the stream later', () => {
    const { hook, invalidate, invalidatedKeys } = setup();
    const first = FakeEventSource.latest();

    act(() => first.fail());
    expect(first.closed).toBe(true);
    expect(hook.result.current).toBe('polling');

    // Each poll refetches the lead lists, the lead pages, the view counts and my alerts.
    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidatedKeys()).toEqual([
      leadKeys.lists(),
      leadKeys.details(),
      leadKeys.viewCountsAll(),
      alertKeys.all,
    ]);
    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidate).toHaveBeenCalledTimes(8);

    act(() => jest.advanceTimersByTime(streamRetryMs - 2 * pollIntervalMs));
    const second = FakeEventSource.latest();
    expect(second).not.toBe(first);
    act(() => second.open());
    expect(hook.result.current).toBe('stream');

    invalidate.mockClear();
    act(() => jest.advanceTimersByTime(3 * pollIntervalMs));
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('polls when the browser has no EventSource', () => {
    Reflect.deleteProperty(globalThis, 'EventSource');
    const { hook, invalidate } = setup();
    expect(hook.result.current).toBe('polling');
    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidate).toHaveBeenCalled();
  });

  it('closes the stream on unmount', () => {
    const { hook } = setup();
    hook.unmount();
    expect(FakeEventSource.latest().closed).toBe(true);
  });
});
