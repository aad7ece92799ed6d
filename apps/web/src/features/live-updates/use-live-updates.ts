import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { alertStreamEventName, applyAlertEvent, refreshAlerts } from '../alerts/alert-stream';
import { leadKeys } from '../leads/leads.api';
import { leadStreamEventNames, parseLeadStreamEvent } from './lead-stream-event';

export type LiveMode = 'connecting' | 'stream' | 'polling';

export const eventsUrl = '/api/v1/events';
export const pollIntervalMs = 5_000;
/** While polling, try the stream again this often (it may have been deployed meanwhile). */
export const streamRetryMs = 60_000;

function refresh(queryClient: QueryClient, leadId: string | undefined) {
  void queryClient.invalidateQueries({ queryKey: leadKeys.lists() });
  void queryClient.invalidateQueries({
    queryKey: leadId ? leadKeys.detail(leadId) : leadKeys.details(),
  });
}

/**
 * Keeps lead data and my alerts fresh: listens to the server-sent event stream and refetches what
 * an event touches; when the stream is missing or drops, polls every 5 s until it comes back.
 */
export function useLiveUpdates(): LiveMode {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>('connecting');

  useEffect(() => {
    let source: EventSource | undefined;
    let pollTimer: number | undefined;
    let retryTimer: number | undefined;

    const startPolling = () => {
      setMode('polling');
      pollTimer ??= window.setInterval(() => {
        refresh(queryClient, undefined);
        refreshAlerts(queryClient);
      }, pollIntervalMs);
    };
    const stopPolling = () => {
      window.clearInterval(pollTimer);
      pollTimer = undefined;
    };

    const connect = () => {
      retryTimer = undefined;
      if (typeof EventSource === 'undefined') {
        startPolling();
        return;
      }
      const stream = new EventSource(eventsUrl);
      source = stream;
      stream.onopen = () => {
        // Anything that happened while we were not listening is fetched once.
        if (pollTimer !== undefined) {
          refresh(queryClient, undefined);
          refreshAlerts(queryClient);
        }
        stopPolling();
        setMode('stream');
      };
      for (const name of leadStreamEventNames) {
        stream.addEventListener(name, (event) =>
          refresh(queryClient, parseLeadStreamEvent(event.data)),
        );
      }
      stream.addEventListener(alertStreamEventName, (event) =>
        applyAlertEvent(queryClient, event.data),
      );
      stream.onerror = () => {
        stream.close();
        source = undefined;
        startPolling();
        retryTimer = window.setTimeout(connect, streamRetryMs);
      };
    };

    connect();
    return () => {
      source?.close();
      stopPolling();
      window.clearTimeout(retryTimer);
    };
  }, [queryClient]);

  return mode;
}
