import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { toMillis } from '../../time/to-millis';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { fetchCapturedMail, statusKeys } from './system-status.api';

/** What the workflows "sent" on a local install, newest first; the text body on click. */
export function CapturedMailList() {
  const mail = useQuery({
    queryKey: statusKeys.mail,
    queryFn: ({ signal }) => fetchCapturedMail(signal),
    refetchInterval: 10_000,
  });
  const items = [...(mail.data?.items ?? [])].sort(
    (a, b) => toMillis(b.receivedAt) - toMillis(a.receivedAt),
  );
  return (
    <section className="card captured-mail" aria-labelledby="captured-mail-title">
      <h2 id="captured-mail-title">Captured mail</h2>
      {mail.isPending ? (
        <LoadingState label="Loading captured mail…" />
      ) : mail.isError ? (
        <ErrorNotice
          title="Captured mail could not be loaded"
          message={errorMessage(mail.error)}
          onRetry={() => void mail.refetch()}
        />
      ) : items.length === 0 ? (
        <p className="system-settings-muted">
          No mail captured yet. When a flow’s notify step emails someone, the message appears here
          instead of leaving this machine: send a test lead to see one.
        </p>
      ) : (
        <ul>
          {items.map((m) => (
            <li key={m.id}>
              <details>
                <summary>
                  <span className="captured-subject">{m.subject || '(no subject)'}</span>
                  <span className="captured-meta">
                    to {m.to ?? 'unknown'} · {formatDateTime(m.receivedAt)}
                  </span>
                </summary>
                <p className="captured-from">From {m.from ?? 'unknown'}</p>
                <pre className="captured-body">{m.text ?? '(no text body)'}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
