import {
  alertAcknowledgementSchema,
  alertListSchema,
  alertsAcknowledgedSchema,
  alertUnreadCountSchema,
  type AlertAcknowledgement,
  type AlertList,
  type AlertState,
  type AlertsAcknowledged,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const alertKeys = {
  all: ['alerts'] as const,
  lists: () => [...alertKeys.all, 'list'] as const,
  list: (state: AlertState) => [...alertKeys.lists(), state] as const,
  unread: () => [...alertKeys.all, 'unread'] as const,
};

export function fetchAlerts(state: AlertState, signal?: AbortSignal): Promise<AlertList> {
  return apiRequest('GET', '/api/v1/alerts', alertListSchema, {
    query: { state, limit: 50 },
    signal,
  });
}

export async function fetchUnreadAlertCount(signal?: AbortSignal): Promise<number> {
  return (
    await apiRequest('GET', '/api/v1/alerts/unread-count', alertUnreadCountSchema, { signal })
  ).unread;
}

export function acknowledgeAlert(id: string): Promise<AlertAcknowledgement> {
  return apiRequest(
    'POST',
    `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`,
    alertAcknowledgementSchema,
  );
}

export function acknowledgeAllAlerts(): Promise<AlertsAcknowledged> {
  return apiRequest('POST', '/api/v1/alerts/acknowledge-all', alertsAcknowledgedSchema);
}
