import type { LeadSummary } from '@baton/api-contract';
import { formatDateTime } from '../../time/format-date-time';
import { formatDuration } from '../../time/format-duration';
import {
  type AgingTone,
  agingTone,
  isAwaitingContact,
  leadAgeMs,
  speedToLeadMs,
} from './lead-aging';
import './lead-status.css';

/**
 * "Waiting 12m 4s" (ticking) until contact; then how fast contact came. Coloured by `tone` when
 * the caller knows better (the lead's SLA), else by age.
 */
export function LeadWait({
  lead,
  now,
  tone,
}: {
  lead: LeadSummary;
  now: number;
  tone?: AgingTone;
}) {
  if (isAwaitingContact(lead)) {
    const age = leadAgeMs(lead, now);
    return (
      <span
        className={`wait wait-${tone ?? agingTone(age)}`}
        title={`Waiting since ${formatDateTime(lead.receivedAt)}`}
      >
        Waiting {formatDuration(age)}
      </span>
    );
  }
  const speed = speedToLeadMs(lead);
  if (speed === null) return <span className="wait wait-none">—</span>;
  return (
    <span
      className="wait wait-done"
      title={`First contact ${formatDateTime(lead.firstContactAt ?? '')}`}
    >
      Contacted in {formatDuration(speed)}
    </span>
  );
}
