import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { useNow } from '../../time/use-now';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { CapturedMailList } from './captured-mail-list';
import { SettingsNav } from './settings-nav';
import { MailCard, ModelCard, TemporalCard } from './status-cards';
import { fetchSystemStatus, statusKeys } from './system-status.api';
import './system-settings.css';

/** Is the model there, does mail go out, does Temporal answer, and what to do when not. */
export function SystemStatusPage() {
  const now = useNow(30_000);
  const status = useQuery({
    queryKey: statusKeys.all,
    queryFn: ({ signal }) => fetchSystemStatus(signal),
  });
  return (
    <div className="system-settings-page">
      <SettingsNav />
      <header className="system-settings-header">
        <div>
          <h1>Status</h1>
          <p className="system-settings-lede">
            The parts Baton relies on besides its database: the local model that scores leads, the
            mail relay and the workflow engine.
          </p>
        </div>
        <button
          type="button"
          className="button"
          disabled={status.isFetching}
          onClick={() => void status.refetch()}
        >
          {status.isFetching ? 'Checking…' : 'Check again'}
        </button>
      </header>
      {status.isPending ? (
        <LoadingState label="Checking…" />
      ) : status.isError ? (
        <ErrorNotice
          title="The status could not be checked"
          message={errorMessage(status.error)}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <>
          <p className="system-settings-muted">Checked {formatDateTime(status.data.checkedAt)}.</p>
          <div className="status-grid">
            <ModelCard model={status.data.model} now={now} />
            <MailCard smtp={status.data.smtp} now={now} />
            <TemporalCard temporal={status.data.temporal} />
          </div>
          {status.data.smtp.capturing && <CapturedMailList />}
        </>
      )}
    </div>
  );
}
