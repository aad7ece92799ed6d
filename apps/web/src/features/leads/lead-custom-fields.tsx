import type { LeadDetail } from '@baton/api-contract';

type CustomFieldValue = LeadDetail['customFields'][string];

export function formatCustomFieldValue(value: CustomFieldValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export function LeadCustomFields({ fields }: { fields: LeadDetail['customFields'] }) {
  const entries = Object.entries(fields);
  return (
    <section className="card" aria-labelledby="lead-fields-title">
      <h2 className="card-title" id="lead-fields-title">
        Custom fields
      </h2>
      <div className="card-body">
        {entries.length === 0 ? (
          <p className="lead-muted">No custom fields.</p>
        ) : (
          <table className="fields-table">
            <tbody>
              {entries.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{formatCustomFieldValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
