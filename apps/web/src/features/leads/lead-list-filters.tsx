import { leadSortSchema, leadStatuses, leadStatusSchema, type LeadSort } from '@baton/api-contract';
import { LeadSearchBox } from './lead-search-box';
import { leadStatusLabels } from './lead-status';
import type { LeadFilters } from './leads.api';

interface LeadListFiltersProps {
  filters: LeadFilters;
  onChange: (patch: Partial<LeadFilters>) => void;
}

const sortLabels: Record<LeadSort, string> = {
  received: 'Newest first',
  score: 'Highest score',
  sla_due: 'SLA due soonest',
};

export function LeadListFilters({ filters, onChange }: LeadListFiltersProps) {
  return (
    <div className="inbox-filters">
      <LeadSearchBox value={filters.q ?? ''} onSearch={(q) => onChange({ q })} />
      <label className="inbox-status-filter">
        <span className="visually-hidden">Status</span>
        <select
          value={filters.status ?? ''}
          onChange={(event) => {
            const status = leadStatusSchema.safeParse(event.target.value);
            onChange({ status: status.success ? status.data : undefined });
          }}
        >
          <option value="">All statuses</option>
          {leadStatuses.map((status) => (
            <option key={status} value={status}>
              {leadStatusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="inbox-status-filter">
        <span className="visually-hidden">Sort by</span>
        <select
          value={filters.sort ?? 'received'}
          onChange={(event) => {
            const sort = leadSortSchema.safeParse(event.target.value);
            onChange({ sort: sort.success && sort.data !== 'received' ? sort.data : undefined });
          }}
        >
          {(Object.keys(sortLabels) as LeadSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
