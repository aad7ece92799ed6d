import type { AuditEntry } from '@baton/api-contract';

// Turns an audit entry into the sentence people read: "Dana changed Sam's role from rep to manager".

const settingNames: Record<string, string> = {
  averageDealValue: 'the average deal value',
  defaultScheduleId: 'the default business hours',
};

const fieldWords: Record<string, string> = {
  scheduleId: 'schedule',
  managerId: 'manager',
  flowId: 'flow',
  outOfOfficeUntil: 'out of office until',
  thankYouUrl: 'thank-you page',
  allowedOrigins: 'allowed websites',
};

/** `outOfOfficeUntil` → "out of office until", `draftGraph` → "draft graph". */
export function fieldLabel(key: string): string {
  return (
    fieldWords[key] ??
    key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase()
  );
}

/** A before/after value in a few words; whole objects are for the expanded diff. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueText).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return 'a new value';
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** What the entry is about, as a noun phrase: "Sam", "the team Closers", "the flow Website". */
function subject(entry: AuditEntry): string {
  if (entry.entityType === 'setting')
    return settingNames[entry.entityId] ?? fieldLabel(entry.entityId);
  const name = entry.entityName ?? 'one that was removed';
  if (entry.entityType === 'user') return entry.entityName ?? 'a person who was removed';
  const kinds: Partial<Record<AuditEntry['entityType'], string>> = {
    flow_version: 'flow version',
    api_token: 'API token',
  };
  const kind = kinds[entry.entityType] ?? entry.entityType;
  return `the ${kind} ${name}`;
}

/** "Sam's role", "the name of the team Closers". */
function fieldOf(entry: AuditEntry, field: string): string {
  return entry.entityType === 'user' && entry.entityName
    ? `${entry.entityName}’s ${fieldLabel(field)}`
    : `the ${fieldLabel(field)} of ${subject(entry)}`;
}

/** The fields an entry changed: keys of before and after whose values differ. */
export function changedKeys(entry: AuditEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

const listOf = (items: string[]) =>
  items.length <= 2
    ? items.join(' and ')
    : items.length === 3
      ? `${items[0]}, ${items[1]} and ${items[2]}`
      : `${items.slice(0, 2).join(', ')} and ${items.length - 2} more`;

const verbs: Record<string, string> = {
  create: 'created',
  delete: 'deleted',
  publish: 'published',
  import: 'imported',
  archive: 'archived',
  restore: 'restored',
  deactivate: 'deactivated',
};

function changeSentence(who: string, entry: AuditEntry): string {
  if (entry.entityType === 'setting') {
    const before = entry.before?.['value'];
    const after = entry.after?.['value'];
    return `${who} changed ${subject(entry)} from ${valueText(before)} to ${valueText(after)}`;
  }
  const keys = changedKeys(entry);
  const [only] = keys;
  if (keys.length === 1 && only) {
    const before = entry.before?.[only];
    const after = entry.after?.[only];
    if (typeof before !== 'object' || before === null) {
      if (typeof after !== 'object' || after === null) {
        return `${who} changed ${fieldOf(entry, only)} from ${valueText(before)} to ${valueText(after)}`;
      }
    }
  }
  if (keys.length === 0) return `${who} changed ${subject(entry)}`;
  const fields = listOf(keys.map(fieldLabel));
  return entry.entityType === 'user' && entry.entityName
    ? `${who} changed ${entry.entityName}’s ${fields}`
    : `${who} changed the ${fields} of ${subject(entry)}`;
}

/** Who did what to what, in one sentence. */
export function auditSentence(entry: AuditEntry): string {
  const who = entry.actorName ?? (entry.actorId ? 'A person who was removed' : 'Baton');
  const parts = entry.action.split('.');
  const verb = parts[parts.length - 1] ?? entry.action;
  if (parts[1] === 'test_case') {
    const what =
      verb === 'create'
        ? 'added a test case to'
        : verb === 'delete'
          ? 'removed a test case from'
          : 'changed a test case of';
    return `${who} ${what} ${subject(entry)}`;
  }
  if (verb === 'update') return changeSentence(who, entry);
  if (verb === 'rotate_key') return `${who} gave ${subject(entry)} a new API key`;
  if (verb === 'password_change') return `${who} changed the password of ${subject(entry)}`;
  if (verb.startsWith('signing_')) return `${who} changed request signing of ${subject(entry)}`;
  const done = verbs[verb] ?? `did “${entry.action}” to`;
  return `${who} ${done} ${subject(entry)}`;
}
