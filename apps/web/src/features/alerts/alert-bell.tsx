import type { Alert, AlertState } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { RelativeTime } from '../../time/relative-time';
import { useNow } from '../../time/use-now';
import { Icon } from '../../ui/icon';
import { useDismiss } from '../../ui/use-dismiss';
import { alertKindLooks } from './alert-kinds';
import {
  acknowledgeAlert,
  acknowledgeAllAlerts,
  alertKeys,
  fetchAlerts,
  fetchUnreadAlertCount,
} from './alerts.api';
import { BrowserNotificationsToggle } from './browser-notifications-toggle';
import './alert-bell.css';

/**
 * The bell in the app bar: my unread alerts (reminders, escalations, leads nobody could take),
 * kept until I acknowledge them, each linking to its lead. The count stays live over the event
 * stream (see applyAlertEvent).
 */
export function AlertBell() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const unread = useQuery({
    queryKey: alertKeys.unread(),
    queryFn: ({ signal }) => fetchUnreadAlertCount(signal),
  });
  const count = unread.data ?? 0;

  useDismiss(open, close, root, button);

  const label = count === 0 ? 'Alerts, none unread' : `Alerts, ${count} unread`;
  return (
    <div className="alert-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="alert-bell-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        title={label}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="bell" size={20} />
        {count > 0 && (
          <span className="alert-bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && <AlertPanel id={panelId} unread={count} onClose={() => setOpen(false)} />}
    </div>
  );
}

function AlertPanel({ id, unread, onClose }: { id: string; unread: number; onClose: () => void }) {
  const [state, setState] = useState<AlertState>('unread');
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const list = useQuery({
    queryKey: alertKeys.list(state),
    queryFn: ({ signal }) => fetchAlerts(state, signal),
  });
  const settle = () => void queryClient.invalidateQueries({ queryKey: alertKeys.all });
  const acknowledgeOne = useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: (answer) => queryClient.setQueryData(alertKeys.unread(), answer.unread),
    onSettled: settle,
  });
  const acknowledgeAll = useMutation({
    mutationFn: acknowledgeAllAlerts,
    onSuccess: () => queryClient.setQueryData(alertKeys.unread(), 0),
    onSettled: settle,
  });
  const failure = acknowledgeOne.error ?? acknowledgeAll.error;
  const headingId = `${id}-heading`;

  return (
    <section id={id} className="alert-panel" aria-labelledby={headingId}>
      <header className="alert-panel-header">
        <h2 id={headingId}>Alerts</h2>
        <button
          type="button"
          className="button button-quiet"
          disabled={unread === 0 || acknowledgeAll.isPending}
          onClick={() => acknowledgeAll.mutate()}
        >
          {acknowledgeAll.isPending ? 'Acknowledging…' : 'Acknowledge all'}
        </button>
      </header>
      <div className="alert-panel-tabs" role="group" aria-label="Show">
        {(['unread', 'all'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="alert-panel-tab"
            aria-pressed={state === option}
            onClick={() => setState(option)}
          >
            {option === 'unread' ? `Unread (${unread})` : 'All'}
          </button>
        ))}
      </div>
      {failure && (
        <p role="alert" className="alert-panel-error">
          {errorMessage(failure)}
        </p>
      )}
      {list.isPending ? (
        <p className="alert-panel-empty">Loading alerts…</p>
      ) : list.isError ? (
        <p role="alert" className="alert-panel-error">
          Alerts could not be loaded: {errorMessage(list.error)}
        </p>
      ) : list.data.items.length === 0 ? (
        <div className="alert-panel-empty">
          <p className="alert-panel-empty-title">
            {state === 'unread' ? 'You are all caught up.' : 'No alerts yet.'}
          </p>
          <p>
            SLA reminders, escalations and leads nobody could take appear here and stay until you
            acknowledge them.
          </p>
        </div>
      ) : (
        <ul className="alert-list">
          {list.data.items.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              now={now}
              acknowledging={acknowledgeOne.isPending && acknowledgeOne.variables === alert.id}
              onAcknowledge={() => acknowledgeOne.mutate(alert.id)}
              onOpenLead={() => {
                if (!alert.acknowledgedAt) acknowledgeOne.mutate(alert.id);
                onClose();
              }}
            />
          ))}
        </ul>
      )}
      <footer className="alert-panel-footer">
        <BrowserNotificationsToggle />
      </footer>
    </section>
  );
}

interface AlertItemProps {
  alert: Alert;
  now: number;
  acknowledging: boolean;
  onAcknowledge: () => void;
  onOpenLead: () => void;
}

function AlertItem({ alert, now, acknowledging, onAcknowledge, onOpenLead }: AlertItemProps) {
  const look = alertKindLooks[alert.kind];
  return (
    <li className={`alert-item alert-item-${look.tone}${alert.acknowledgedAt ? ' is-read' : ''}`}>
      <span className="alert-item-icon" aria-hidden="true">
        <Icon name={look.icon} />
      </span>
      <div className="alert-item-body">
        <p className="alert-item-meta">
          <span className="alert-item-kind">{look.label}</span>
          <RelativeTime iso={alert.createdAt} now={now} />
        </p>
        <p className="alert-item-title">{alert.title}</p>
        {alert.body && <p className="alert-item-text">{alert.body}</p>}
        <div className="alert-item-actions">
          {alert.lead && (
            <Link to={`/leads/${alert.lead.id}`} onClick={onOpenLead}>
              Open {alert.lead.name || 'the lead'}
            </Link>
          )}
          {alert.acknowledgedAt ? (
            <span className="alert-item-done">Acknowledged</span>
          ) : (
            <button
              type="button"
              className="button button-quiet"
              disabled={acknowledging}
              onClick={onAcknowledge}
            >
              {acknowledging ? 'Acknowledging…' : 'Acknowledge'}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
