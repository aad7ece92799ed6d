import type { LeadSummary } from '@baton/api-contract';
import { formatDateTime } from '../../time/format-date-time';
import { formatDuration } from '../../time/format-duration';
import { agingTone, isAwaitingContact, leadAgeMs, speedToLeadMs } from './lead-aging';
import './lead-status.css';

/** "Waiting 12m 4s" (ticking, coloured by age) until contact; then how fast contact came. */
export function LeadWait({ lead, now }: { lead: LeadSummary; now: number }) {
  if (isAwaitingContact(lead)) {
    const age = leadAgeMs(lead, now);
    return (
      <span
        className={`wait wait-${agingTone(age)}`}
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
