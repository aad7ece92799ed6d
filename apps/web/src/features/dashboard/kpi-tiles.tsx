import type { HandoffMetrics } from '@baton/api-contract';
import { formatCount, formatMoney, formatRate, formatSeconds } from './metrics-format';

interface Tile {
  label: string;
  value: string;
  detail: string;
}

function tiles(metrics: HandoffMetrics): Tile[] {
  const { speedToLead, timeToAcknowledge, firstResponse, handoff, revenueLeak } = metrics.total;
  const leakKnown = revenueLeak.averageDealValue > 0;
  return [
    {
      label: 'Speed to lead',
      value: formatSeconds(speedToLead.medianSeconds),
      detail:
        speedToLead.count === 0
          ? 'No lead contacted yet'
          : `median of ${formatCount(speedToLead.count)} · p90 ${formatSeconds(speedToLead.p90Seconds)}`,
    },
    {
      label: 'Acknowledged in',
      value: formatSeconds(timeToAcknowledge.medianSeconds),
      detail:
        timeToAcknowledge.count === 0
          ? 'No lead claimed yet · claiming a lead acknowledges it'
          : `median of ${formatCount(timeToAcknowledge.count)} · p90 ${formatSeconds(timeToAcknowledge.p90Seconds)}`,
    },
    {
      label: 'First response',
      value: formatSeconds(firstResponse.medianSeconds),
      detail:
        firstResponse.count === 0
          ? 'No message sent yet'
          : `median of ${formatCount(firstResponse.count)} · auto-replies count`,
    },
    {
      label: 'SLA attainment',
      value: formatRate(handoff.slaAttainment),
      detail: `${formatCount(handoff.contactedWithinSla)} of ${formatCount(handoff.routed)} within SLA · spam left out`,
    },
    {
      label: 'Handoff completion',
      value: formatRate(handoff.completionRate),
      detail: `${formatCount(handoff.contacted)} of ${formatCount(handoff.routed)} contacted · spam left out`,
    },
    {
      label: 'Revenue leak',
      value: leakKnown ? formatMoney(revenueLeak.duringHours.amount) : '—',
      detail: leakKnown
        ? `${formatCount(revenueLeak.duringHours.leads)} slow or missed leads · + ${formatMoney(revenueLeak.afterHours.amount)} after hours (${formatCount(revenueLeak.afterHours.leads)})`
        : 'Set an average deal value to estimate it',
    },
  ];
}

/** The headline numbers of the window, one tile each. */
export function KpiTiles({ metrics }: { metrics: HandoffMetrics }) {
  return (
    <dl className="kpi-tiles" aria-label="Key figures">
      {tiles(metrics).map((tile) => (
        <div key={tile.label} className="kpi-tile">
          <dt className="kpi-label">{tile.label}</dt>
          <dd className="kpi-value">{tile.value}</dd>
          <dd className="kpi-detail">{tile.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
