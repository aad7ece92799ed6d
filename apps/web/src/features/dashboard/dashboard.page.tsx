import { metricsGroupBys, type MetricsGroupBy } from '@baton/api-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { AgingPanel } from './aging-panel';
import { BreakdownTable, groupByLabels } from './breakdown-table';
import { ConversionChart } from './conversion-chart';
import { KpiTiles } from './kpi-tiles';
import { fetchHandoffMetrics, metricsKeys, windowDays, type WindowDays } from './metrics.api';
import { SampleDataBanner } from './sample-data-banner';
import './dashboard.css';

type Breakdown = Exclude<MetricsGroupBy, 'none'>;

function readWindow(value: string | null): WindowDays {
  return windowDays.find((d) => String(d) === value) ?? 30;
}

function readGroupBy(value: string | null): Breakdown {
  const found = metricsGroupBys.find((g) => g === value);
  return found === undefined || found === 'none' ? 'team' : found;
}

export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const days = readWindow(params.get('days'));
  const groupBy = readGroupBy(params.get('groupBy'));
  const metrics = useQuery({
    queryKey: metricsKeys.handoff(days, groupBy),
    queryFn: ({ signal }) => fetchHandoffMetrics(days, groupBy, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const data = metrics.data;
  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <div>
          <h1 className="dashboard-title">Speed to lead</h1>
          <p className="dashboard-lede">
            {data?.filters.ownerId ? 'Your own leads' : 'All leads'} received in the last {days}{' '}
            days
            {data && ` · SLA ${data.defaultSlaMinutes} min unless the flow sets one`}
          </p>
        </div>
        <div className="segmented" role="group" aria-label="Window">
          {windowDays.map((d) => (
            <button
              key={d}
              type="button"
              className="segmented-option"
              aria-pressed={d === days}
              onClick={() => setParam('days', String(d))}
            >
              {d} days
            </button>
          ))}
        </div>
      </header>
      <SampleDataBanner />

      {metrics.isPending ? (
        <LoadingState label="Loading metrics…" />
      ) : metrics.isError && !data ? (
        <ErrorNotice
          title="Could not load the metrics"
          message={errorMessage(metrics.error)}
          onRetry={() => void metrics.refetch()}
        />
      ) : data ? (
        <>
          {metrics.isError && (
            <p role="alert" className="dashboard-stale">
              Showing older figures: {errorMessage(metrics.error)}
            </p>
          )}
          <KpiTiles metrics={data} />
          <div className="dashboard-grid">
            {data.total.leads === 0 ? (
              <section className="card dashboard-card dashboard-empty">
                <h2>No leads in the last {days} days</h2>
                <p>
                  Figures appear here as soon as leads arrive and get contacted. Try a longer
                  window, or check the <Link to="/leads">inbox</Link>.
                </p>
              </section>
            ) : (
              <ConversionChart row={data.total} />
            )}
            <AgingPanel />
          </div>
          {data.total.leads > 0 && (
            <section className="card dashboard-card" aria-labelledby="breakdown-title">
              <div className="dashboard-card-head">
                <h2 className="card-title" id="breakdown-title">
                  By {groupByLabels[groupBy].toLowerCase()}
                </h2>
                <label className="breakdown-select">
                  <span>Group by</span>
                  <select value={groupBy} onChange={(e) => setParam('groupBy', e.target.value)}>
                    {Object.entries(groupByLabels).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div className="card-body">
                <BreakdownTable metrics={data} groupBy={groupBy} />
              </div>
            </section>
          )}
        </>
      ) : null}
    </div>
  );
}
