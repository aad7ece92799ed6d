import type { LeadStatus } from '@baton/api-contract';
import { leadStatusLabels } from './lead-status';
import './lead-status.css';

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <span className={`status-badge status-${status}`}>{leadStatusLabels[status]}</span>;
}
