import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { alertStreamEventName, applyAlertEvent, refreshAlerts } from '../alerts/alert-stream';
import { leadKeys } from '../leads/leads.api';
import { leadStreamEventNames, parseLeadStreamEvent } from './lead-stream-event';
import { createLeadRowUpdates } from './lead-row-updates';

export type LiveMode = 'connecting' | 'stream' | 'polling';

export const eventsUrl = '/api/v1/events';
export const pollIntervalMs = 5_000;
/** While polling, try the stream again this often (it may have been deployed meanwhile). */
export const streamRetryMs = 60_000;

/** Everything about leads, refetched: after a gap in the stream, or for an event not understood. */
function refresh(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: leadKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: leadKeys.details() });
  void queryClient.invalidateQueries({ queryKey: leadKeys.viewCountsAll() });
}

/**
 * Keeps lead data and my alerts fresh: listens to the server-sent event stream and updates the one
 * lead an event names (lead-row-updates); when the stream is missing or drops, polls every 5 s
 * until it comes back.
 */
export function useLiveUpdates(): LiveMode {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>('connecting');

  useEffect(() => {
    let source: EventSource | undefined;
    let pollTimer: number | undefined;
    let retryTimer: number | undefined;
    const rows = createLeadRowUpdates(queryClient);

    const startPolling = () => {
      setMode('polling');
      pollTimer ??= window.setInterval(() => {
        refresh(queryClient);
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
          refresh(queryClient);
          refreshAlerts(queryClient);
        }
        stopPolling();
        setMode('stream');
      };
      for (const name of leadStreamEventNames) {
        stream.addEventListener(name, (event) => {
          const leadId = parseLeadStreamEvent(event.data);
          if (leadId) rows.onLeadEvent(leadId);
          else refresh(queryClient);
        });
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
      rows.stop();
      window.clearTimeout(retryTimer);
    };
  }, [queryClient]);

  return mode;
}
