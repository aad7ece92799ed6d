import type { LeadSummary } from '@baton/api-contract';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { RelativeTime } from '../../time/relative-time';
import { isAwaitingContact } from './lead-aging';
import { LeadOwner } from './lead-owner';
import { slaTone } from './lead-sla';
import { LeadSlaCountdown } from './lead-sla-countdown';
import { LeadStatusBadge } from './lead-status-badge';
import { LeadWait } from './lead-wait';
import { QualificationClassBadge } from './qualification-class';
import './lead-qualification-correction.css';

export function leadPath(leadId: string): string {
  return `/leads/${encodeURIComponent(leadId)}`;
}

/** With an SLA, waiting is coloured as its countdown is (share of the SLA left), not by age. */
function waitTone(lead: LeadSummary, now: number) {
  if (!lead.slaDueAt) return undefined;
  const tone = slaTone(lead, now);
  return tone === 'breached' ? 'late' : tone;
}

interface LeadRowProps {
  lead: LeadSummary;
  now: number;
  selected: boolean;
  onToggle: (leadId: string, shift: boolean) => void;
}

export function LeadRow({ lead, now, selected, onToggle }: LeadRowProps) {
  const navigate = useNavigate();
  const { contact } = lead;

  // The whole row opens the lead; the name is the real (keyboard-reachable) link.
  function onRowClick(event: MouseEvent<HTMLTableRowElement>) {
    if ((event.target as Element).closest('a, button, input, label')) return;
    if (window.getSelection()?.toString()) return;
    void navigate(leadPath(lead.id));
  }

  return (
    <tr
      data-testid="lead-row"
      className={`lead-row ${selected ? 'is-selected' : ''}`}
      onClick={onRowClick}
    >
      <td className="cell-select">
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select ${contact.name}`}
          // onClick, not onChange: only the click knows whether shift was held.
          onClick={(event) => onToggle(lead.id, event.shiftKey)}
          onChange={() => undefined}
        />
      </td>
      <td className="cell-lead">
        <Link to={leadPath(lead.id)} className="lead-row-name">
          {contact.name}
        </Link>
        {contact.company && <span className="lead-row-company">{contact.company}</span>}
      </td>
      <td className="cell-contact">
        {contact.email && <span className="lead-row-email">{contact.email}</span>}
        {contact.phone && <span className="lead-row-phone">{contact.phone}</span>}
      </td>
      <td className="cell-status">
        <LeadStatusBadge status={lead.status} />
      </td>
      <td className="cell-score" data-testid="lead-score">
        {lead.score !== null && <span className="lead-row-score">{Math.round(lead.score)}</span>}
        {lead.qualificationClass && <QualificationClassBadge value={lead.qualificationClass} />}
        {lead.score === null && !lead.qualificationClass && <span className="owner-none">—</span>}
      </td>
      <td className="cell-owner">
        <LeadOwner owner={lead.owner} needsOwner={isAwaitingContact(lead)} />
      </td>
      <td className="cell-source">{lead.source.name}</td>
      <td className="cell-received">
        <RelativeTime iso={lead.receivedAt} now={now} />
      </td>
      <td className="cell-sla">
        <LeadSlaCountdown lead={lead} now={now} />
      </td>
      <td className="cell-wait">
        <LeadWait lead={lead} now={now} tone={waitTone(lead, now)} />
      </td>
    </tr>
  );
}
