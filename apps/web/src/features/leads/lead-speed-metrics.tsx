import type { LeadSummary } from '@baton/api-contract';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../time/format-date-time';
import { formatDuration } from '../../time/format-duration';
import { formatRelativeTime } from '../../time/format-relative-time';
import { agingTone, isAwaitingContact, leadAgeMs, type AgingTone } from './lead-aging';

interface Metric {
  label: string;
  value: ReactNode;
  detail: string;
  tone?: AgingTone | 'muted';
}

function sinceReceived(
  lead: LeadSummary,
  label: string,
  at: string | null,
  pending: string,
): Metric {
  if (at === null) return { label, value: '—', detail: pending, tone: 'muted' };
  const ms = Date.parse(at) - Date.parse(lead.receivedAt);
  return { label, value: formatDuration(ms), detail: formatDateTime(at), tone: agingTone(ms) };
}

function firstContact(lead: LeadSummary, now: number): Metric {
  if (lead.firstContactAt !== null || !isAwaitingContact(lead)) {
    return sinceReceived(lead, 'Speed to lead', lead.firstContactAt, 'Closed without contact');
  }
  const age = leadAgeMs(lead, now);
  return {
    label: 'Speed to lead',
    value: `Waiting ${formatDuration(age)}`,
    detail: 'Nobody has made contact yet',
    tone: agingTone(age),
  };
}

/** The key timestamps of speed-to-lead, each as a duration from "received". */
export function LeadSpeedMetrics({ lead, now }: { lead: LeadSummary; now: number }) {
  const metrics: Metric[] = [
    {
      label: 'Received',
      value: formatRelativeTime(lead.receivedAt, now),
      detail: formatDateTime(lead.receivedAt),
    },
    sinceReceived(lead, 'First response', lead.firstResponseAt, 'No message sent yet'),
    sinceReceived(lead, 'Assigned', lead.assignedAt, 'Not assigned yet'),
    firstContact(lead, now),
  ];
  return (
    <dl className="lead-metrics" aria-label="Speed to lead">
      {metrics.map((metric) => (
        <div key={metric.label} className={`metric metric-${metric.tone ?? 'plain'}`}>
          <dt className="metric-label">{metric.label}</dt>
          <dd className="metric-value">{metric.value}</dd>
          <dd className="metric-detail">{metric.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
