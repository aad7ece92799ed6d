import type { AuditEntry } from '@baton/api-contract';
import { RelativeTime } from '../../time/relative-time';
import { auditSentence, changedKeys, fieldLabel } from './audit-sentence';

const json = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value, null, 2));

/** One change: the sentence, when, and its before/after field by field on request. */
export function AuditEntryRow({ entry, now }: { entry: AuditEntry; now: number }) {
  const keys = changedKeys(entry);
  return (
    <li className="audit-entry">
      <div className="audit-entry-line">
        <span className="audit-sentence">{auditSentence(entry)}</span>
        <span className="audit-meta">
          <code>{entry.action}</code> · <RelativeTime iso={entry.at} now={now} />
        </span>
      </div>
      {keys.length > 0 && (
        <details className="audit-diff">
          <summary>Show the change{keys.length > 1 ? `s (${keys.length} fields)` : ''}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key}>
                  <th scope="row">{fieldLabel(key)}</th>
                  <td>
                    <pre>{json(entry.before?.[key])}</pre>
                  </td>
                  <td>
                    <pre>{json(entry.after?.[key])}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}
