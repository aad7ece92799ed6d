import { auditEntityTypes, type UserView } from '@baton/api-contract';
import type { AuditFilters } from './audit-log.api';

// The actions Baton records today; the field also takes any other.
const knownActions = [
  'flow.create',
  'flow.update',
  'flow.publish',
  'flow.delete',
  'user.create',
  'user.update',
  'user.delete',
  'team.create',
  'team.update',
  'schedule.update',
  'source.create',
  'source.update',
  'source.rotate_key',
  'setting.update',
];

const entityLabels: Record<(typeof auditEntityTypes)[number], string> = {
  flow: 'Flows',
  flow_version: 'Flow versions',
  user: 'People',
  team: 'Teams',
  schedule: 'Schedules',
  source: 'Sources',
  setting: 'Settings',
  api_token: 'API tokens',
};

interface AuditFiltersFormProps {
  filters: AuditFilters;
  people: UserView[];
  onChange: (next: AuditFilters) => void;
}

/** Who, what kind of thing, which action, which days: each applies as soon as it changes. */
export function AuditFiltersForm({ filters, people, onChange }: AuditFiltersFormProps) {
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <form
      className="card audit-filters"
      aria-label="Filter the audit log"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label className="field-label" htmlFor="audit-actor">
          Who
        </label>
        <select
          id="audit-actor"
          value={filters.actorId}
          onChange={(e) => set('actorId', e.target.value)}
        >
          <option value="">Anyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="audit-entity">
          What
        </label>
        <select
          id="audit-entity"
          value={filters.entityType}
          onChange={(e) => set('entityType', e.target.value as AuditFilters['entityType'])}
        >
          <option value="">Everything</option>
          {auditEntityTypes.map((type) => (
            <option key={type} value={type}>
              {entityLabels[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="audit-action">
          Action
        </label>
        <input
          id="audit-action"
          list="audit-actions"
          placeholder="Any, e.g. user.update"
          value={filters.action}
          onChange={(e) => set('action', e.target.value.trim())}
        />
        <datalist id="audit-actions">
          {knownActions.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="audit-from">
          From
        </label>
        <input
          id="audit-from"
          type="date"
          value={filters.fromDate}
          max={filters.toDate || undefined}
          onChange={(e) => set('fromDate', e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="audit-to">
          To
        </label>
        <input
          id="audit-to"
          type="date"
          value={filters.toDate}
          min={filters.fromDate || undefined}
          onChange={(e) => set('toDate', e.target.value)}
        />
      </div>
    </form>
  );
}
