import type { LeadDetail } from '@baton/api-contract';
import { isAwaitingContact } from './lead-aging';
import { LeadOwner } from './lead-owner';
import { LeadStatusBadge } from './lead-status-badge';

/** tel: links want digits and a leading +, not the spacing people type. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

export function LeadHeader({ lead }: { lead: LeadDetail }) {
  const { contact } = lead;
  return (
    <header className="lead-header card">
      <div className="lead-header-identity">
        <h1 className="lead-name">{contact.name}</h1>
        {contact.company && <p className="lead-company">{contact.company}</p>}
        <ul className="lead-contact">
          {contact.email && (
            <li>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </li>
          )}
          {contact.phone && (
            <li>
              <a href={telHref(contact.phone)}>{contact.phone}</a>
            </li>
          )}
        </ul>
      </div>
      <dl className="lead-header-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <LeadStatusBadge status={lead.status} />
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>
            <LeadOwner owner={lead.owner} needsOwner={isAwaitingContact(lead)} />
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{lead.source.name}</dd>
        </div>
      </dl>
    </header>
  );
}
