import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FakeEventSource } from '../../test/fake-event-source';
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
  return { hook, invalidate, invalidatedKeys };
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

  it('refreshes every lead view when an event payload is not understood', () => {
    const { invalidatedKeys } = setup();
    act(() => FakeEventSource.latest().emit('lead.created', 'not json'));
    expect(invalidatedKeys()).toEqual([leadKeys.lists(), leadKeys.details()]);
  });

  it('falls back to polling every 5 s when the stream fails, and retries the stream later', () => {
    const { hook, invalidate } = setup();
    const first = FakeEventSource.latest();

    act(() => first.fail());
    expect(first.closed).toBe(true);
    expect(hook.result.current).toBe('polling');

    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidate).toHaveBeenCalledTimes(2);
    act(() => jest.advanceTimersByTime(pollIntervalMs));
    expect(invalidate).toHaveBeenCalledTimes(4);

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
