import { alertStreamEventSchema, type AlertStreamEvent } from '@baton/api-contract';
import type { QueryClient } from '@tanstack/react-query';
import { alertKeys } from './alerts.api';
import { showBrowserNotification } from './browser-notifications';

export { alertStreamEventName } from '@baton/api-contract';

/** The alert event's payload, or undefined when it is not what we expect. */
export function parseAlertStreamEvent(data: unknown): AlertStreamEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed = alertStreamEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One of my alerts is new or acknowledged (here or in another tab): the count is set from the
 * event, the lists refetch, and a new one pops up as a browser notification when allowed.
 */
export function applyAlertEvent(queryClient: QueryClient, data: unknown): void {
  const event = parseAlertStreamEvent(data);
  if (!event) return;
  queryClient.setQueryData(alertKeys.unread(), event.unread);
  void queryClient.invalidateQueries({ queryKey: alertKeys.lists() });
  if (event.alert && event.alert.acknowledgedAt === null) showBrowserNotification(event.alert);
}

/** While the stream is down the bell polls with everything else. */
export function refreshAlerts(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: alertKeys.all });
}
