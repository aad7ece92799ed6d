import type { LeadDetail } from '@baton/api-contract';

/** The ids support and IT ask for: to find the lead in the database, the source system, Temporal. */
export function LeadIdentifiers({ lead }: { lead: LeadDetail }) {
  const rows: [string, string][] = [['Lead ID', lead.id]];
  if (lead.externalId) rows.push(['External ID', lead.externalId]);
  rows.push(['Workflow ID', lead.workflowId]);
  return (
    <section className="card" aria-labelledby="lead-ids-title">
      <h2 className="card-title" id="lead-ids-title">
        Identifiers
      </h2>
      <dl className="card-body facts">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
