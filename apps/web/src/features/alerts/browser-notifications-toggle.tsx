import { useState } from 'react';
import {
  type BrowserNotificationState,
  browserNotificationState,
  requestBrowserNotifications,
} from './browser-notifications';

/** Offers desktop notifications for new alerts, and says plainly when the browser blocks them. */
export function BrowserNotificationsToggle() {
  const [state, setState] = useState<BrowserNotificationState>(browserNotificationState);
  if (state === 'unsupported') return null;
  if (state === 'granted')
    return <p className="alert-panel-hint">Desktop notifications are on for new alerts.</p>;
  if (state === 'denied')
    return (
      <p className="alert-panel-hint">
        Desktop notifications are blocked for this site; allow them in the browser’s site settings
        to be told of new alerts while Baton is in the background.
      </p>
    );
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={() => void requestBrowserNotifications().then(setState)}
    >
      Turn on desktop notifications
    </button>
  );
}
