import type { LeadSummary } from '@baton/api-contract';
import './lead-status.css';

interface LeadOwnerProps {
  owner: LeadSummary['owner'];
  /** Whether the lead still needs someone; only then is "Unassigned" a warning. */
  needsOwner: boolean;
}

/** The owner's name, or "Unassigned": in amber while a lead still waits for someone. */
export function LeadOwner({ owner, needsOwner }: LeadOwnerProps) {
  if (owner !== null) return <span className="owner-name">{owner.name}</span>;
  return <span className={needsOwner ? 'owner-unassigned' : 'owner-none'}>Unassigned</span>;
}
