import type { HandoffMetrics, MetricsGroupBy } from '@baton/api-contract';
import { formatCount, formatMoney, formatRate, formatSeconds } from './metrics-format';

export const groupByLabels: Record<Exclude<MetricsGroupBy, 'none'>, string> = {
  team: 'Team',
  rep: 'Rep',
  source: 'Source',
};

const fallbackNames: Record<Exclude<MetricsGroupBy, 'none'>, string> = {
  team: 'No team',
  rep: 'Unassigned',
  source: 'Unknown source',
};

/** One row per team, rep or source: where the minutes (and the money) go. */
export function BreakdownTable({
  metrics,
  groupBy,
}: {
  metrics: HandoffMetrics;
  groupBy: Exclude<MetricsGroupBy, 'none'>;
}) {
  if (metrics.groups.length === 0) {
    return <p className="dashboard-muted">No {groupByLabels[groupBy].toLowerCase()}s to show.</p>;
  }
  const showLeak = metrics.total.revenueLeak.averageDealValue > 0;
  return (
    <div className="table-scroll">
      <table className="breakdown-table">
        <thead>
          <tr>
            <th scope="col">{groupByLabels[groupBy]}</th>
            <th scope="col">Leads</th>
            <th scope="col">Speed to lead</th>
            <th scope="col">First response</th>
            <th scope="col">SLA</th>
            <th scope="col">Completion</th>
            {showLeak && <th scope="col">Revenue leak</th>}
          </tr>
        </thead>
        <tbody>
          {metrics.groups.map((row) => (
            <tr key={row.group.id ?? 'none'}>
              <th scope="row">{row.group.name || fallbackNames[groupBy]}</th>
              <td>{formatCount(row.leads)}</td>
              <td>{formatSeconds(row.speedToLead.medianSeconds)}</td>
              <td>{formatSeconds(row.firstResponse.medianSeconds)}</td>
              <td>
                <RateCell rate={row.handoff.slaAttainment} />
              </td>
              <td>
                <RateCell rate={row.handoff.completionRate} />
              </td>
              {showLeak && (
                <td>
                  {formatMoney(row.revenueLeak.duringHours.amount)}
                  {row.revenueLeak.afterHours.amount > 0 && (
                    <span className="dashboard-muted">
                      {' '}
                      + {formatMoney(row.revenueLeak.afterHours.amount)} after hours
                    </span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RateCell({ rate }: { rate: number | null }) {
  const tone =
    rate === null ? '' : rate >= 0.9 ? 'rate-ok' : rate >= 0.7 ? 'rate-warn' : 'rate-late';
  return (
    <span className={`rate ${tone}`}>
      <span className="rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </span>
      {formatRate(rate)}
    </span>
  );
}
