import type { Alert } from '@baton/api-contract';

export type BrowserNotificationState = 'unsupported' | NotificationPermission;

export function browserNotificationState(): BrowserNotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks once, from a click (browsers refuse a prompt nobody asked for). */
export async function requestBrowserNotifications(): Promise<BrowserNotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/**
 * A desktop notification for a new alert, when the person allowed them; clicking it opens the
 * lead. One per alert (the tag), so two open tabs do not show it twice.
 */
export function showBrowserNotification(alert: Alert): void {
  if (browserNotificationState() !== 'granted') return;
  const notification = new Notification(alert.title, {
    body: [alert.lead?.name, alert.body].filter(Boolean).join(' · '),
    tag: `baton-alert-${alert.id}`,
  });
  notification.onclick = () => {
    window.focus();
    if (alert.lead) window.location.assign(`/leads/${alert.lead.id}`);
    notification.close();
  };
}
