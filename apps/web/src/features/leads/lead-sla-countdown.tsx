import type { LeadSummary } from '@baton/api-contract';
import { formatDateTime } from '../../time/format-date-time';
import { formatDuration } from '../../time/format-duration';
import { slaLeftMs, slaTone } from './lead-sla';

/** "12m 4s left" / "Overdue 3m", ticking with the table's clock, coloured by slaTone. */
export function LeadSlaCountdown({ lead, now }: { lead: LeadSummary; now: number }) {
  const left = slaLeftMs(lead, now);
  if (left === null || !lead.slaDueAt) return <span className="sla sla-none">—</span>;
  const tone = slaTone(lead, now);
  return (
    <span
      className={`sla sla-${tone}`}
      data-tone={tone}
      title={`SLA due ${formatDateTime(lead.slaDueAt)}`}
    >
      {left > 0 ? `${formatDuration(left)} left` : `Overdue ${formatDuration(-left)}`}
    </span>
  );
}
