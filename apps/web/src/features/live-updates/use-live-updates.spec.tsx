import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FakeEventSource } from '../../test/fake-event-source';
import { alertKeys } from '../alerts/alerts.api';
import { leadKeys } from '../leads/leads.api';
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

  it('listens to /api/v1/events and refreshes the lists and the lead an event names', () => {
    const { hook, invalidatedKeys } = setup();
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/v1/events');

    act(() => source.open());
    expect(hook.result.current).toBe('stream');

    act(() => source.emit('lead.updated', '{"leadId":"lead-1"}'));
    expect(invalidatedKeys()).toEqual([leadKeys.lists(), leadKeys.detail('lead-1')]);
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
    expect(invalidatedKeys()).toEqual([leadKeys.lists(), leadKeys.details()]);
  });

  it('falls back to polling every 5 s when the stream fails, and retries the stream later', () => {
    const { hook, invalidate, invalidatedKeys } = setup();
    const first = FakeEventSource.latest();

    act(() => first.fail());
    expect(first.closed).toBe(true);
    expect(hook.result.current).toBe('polling');

    // Each poll refetches the lead lists, the lead views and my alerts.
    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidatedKeys()).toEqual([leadKeys.lists(), leadKeys.details(), alertKeys.all]);
    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidate).toHaveBeenCalledTimes(6);

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
