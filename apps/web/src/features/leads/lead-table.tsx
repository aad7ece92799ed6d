import type { LeadSummary } from '@baton/api-contract';
import { useNow } from '../../time/use-now';
import { LeadRow } from './lead-row';

interface LeadTableProps {
  leads: LeadSummary[];
  selected: ReadonlySet<string>;
  allSelected: boolean;
  onToggle: (leadId: string, shift: boolean) => void;
  onToggleAll: () => void;
}

/** The inbox table; owns the ticking clock so only it re-renders every second. */
export function LeadTable({ leads, selected, allSelected, onToggle, onToggleAll }: LeadTableProps) {
  const now = useNow(1000);
  return (
    <table className="lead-table">
      <thead>
        <tr>
          <th scope="col" className="cell-select">
            <input
              type="checkbox"
              aria-label="Select all leads on this page"
              checked={allSelected}
              onChange={onToggleAll}
            />
          </th>
          <th scope="col">Lead</th>
          <th scope="col">Contact</th>
          <th scope="col">Status</th>
          <th scope="col">Score</th>
          <th scope="col">Owner</th>
          <th scope="col">Source</th>
          <th scope="col">Received</th>
          <th scope="col">SLA</th>
          <th scope="col">Waiting</th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <LeadRow
            key={lead.id}
            lead={lead}
            now={now}
            selected={selected.has(lead.id)}
            onToggle={onToggle}
          />
        ))}
      </tbody>
    </table>
  );
}
