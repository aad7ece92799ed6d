import type { LeadAgingRow } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { bucketLabel, formatCount, formatSeconds } from './metrics-format';
import { fetchLeadAging, metricsKeys } from './metrics.api';

/** Open leads nobody has contacted yet: how many, how old, how late. */
export function AgingPanel() {
  const aging = useQuery({
    queryKey: metricsKeys.aging(),
    queryFn: ({ signal }) => fetchLeadAging(signal),
    refetchInterval: 30_000,
  });

  return (
    <section className="card dashboard-card" aria-labelledby="aging-title">
      <h2 className="card-title" id="aging-title">
        Waiting for contact now
      </h2>
      <div className="card-body">
        {aging.isPending ? (
          <LoadingState label="Loading open leads…" />
        ) : aging.isError ? (
          <ErrorNotice
            title="Could not load lead aging"
            message={errorMessage(aging.error)}
            onRetry={() => void aging.refetch()}
          />
        ) : aging.data.total.waiting === 0 ? (
          <p className="dashboard-empty-line">Every open lead has been contacted. Nice.</p>
        ) : (
          <AgingFigures row={aging.data.total} />
        )}
      </div>
    </section>
  );
}

function AgingFigures({ row }: { row: LeadAgingRow }) {
  const max = Math.max(1, ...row.buckets.map((b) => b.leads));
  return (
    <div className="aging">
      <dl className="aging-figures">
        <div>
          <dt>Waiting</dt>
          <dd>{formatCount(row.waiting)}</dd>
        </div>
        <div className={row.pastSla > 0 ? 'aging-late' : undefined}>
          <dt>Past SLA</dt>
          <dd>{formatCount(row.pastSla)}</dd>
        </div>
        <div>
          <dt>Oldest</dt>
          <dd>{formatSeconds(row.oldestSeconds)}</dd>
        </div>
        <div>
          <dt>Median age</dt>
          <dd>{formatSeconds(row.medianSeconds)}</dd>
        </div>
      </dl>
      <ul className="aging-buckets" aria-label="Open leads by age">
        {row.buckets.map((b) => (
          <li key={b.bucket}>
            <span className="aging-bucket-label">{bucketLabel(b.bucket)}</span>
            <span className="aging-bucket-bar" aria-hidden="true">
              <span style={{ width: `${(b.leads / max) * 100}%` }} />
            </span>
            <span className="aging-bucket-count">{formatCount(b.leads)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
