import {
  type ScheduleView,
  type Settings,
  settingsSchema,
  type UpdateSettings,
  updateSettingsSchema,
} from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { formatMoney } from '../dashboard/metrics-format';
import { metricsKeys } from '../dashboard/metrics.api';
import { settingsKeys, updateSettings } from './general-settings.api';

type Field = keyof Settings;
type Issues = Partial<Record<Field, string>>;

// Hints and bounds come from the schema the API validates with.
const fields = settingsSchema.shape;
const dealBounds = {
  minimum: fields.averageDealValue.minValue ?? undefined,
  maximum: fields.averageDealValue.maxValue ?? undefined,
  description: fields.averageDealValue.description,
};

/** The edits as the API takes them: only what changed, checked with its own schema. */
function toChanges(
  saved: Settings,
  deal: string,
  scheduleId: string,
): { changes: UpdateSettings; issues: Issues } {
  if (deal.trim() === '') {
    return { changes: {}, issues: { averageDealValue: 'Enter an amount (0 if you do not know)' } };
  }
  const draft = { averageDealValue: Number(deal), defaultScheduleId: scheduleId || null };
  const changes = Object.fromEntries(
    (Object.keys(draft) as Field[]).filter((k) => draft[k] !== saved[k]).map((k) => [k, draft[k]]),
  );
  const parsed = updateSettingsSchema.safeParse(changes);
  if (parsed.success) return { changes: parsed.data, issues: {} };
  const issues: Issues = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field;
    issues[field] ??=
      field === 'averageDealValue' && issue.code === 'invalid_type'
        ? 'Enter a number'
        : issue.message;
  }
  return { changes: {}, issues };
}

interface GeneralSettingsFormProps {
  saved: Settings;
  schedules: ScheduleView[];
  readOnly: boolean;
}

/** The install-wide settings: admins change them, managers read them. */
export function GeneralSettingsForm({ saved, schedules, readOnly }: GeneralSettingsFormProps) {
  const queryClient = useQueryClient();
  const [deal, setDeal] = useState(String(saved.averageDealValue));
  const [scheduleId, setScheduleId] = useState(saved.defaultScheduleId ?? '');
  const [localIssues, setLocalIssues] = useState<Issues>({});
  const [savedNow, setSavedNow] = useState(false);
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (next) => {
      queryClient.setQueryData(settingsKeys.all, next);
      // The dashboard's revenue leak uses the deal value.
      void queryClient.invalidateQueries({ queryKey: metricsKeys.all });
      setSavedNow(true);
    },
  });
  const serverIssues: Issues = {};
  if (isApiRequestError(save.error)) {
    for (const issue of save.error.issues) serverIssues[issue.path as Field] ??= issue.message;
  }
  const issueFor = (field: Field) => localIssues[field] ?? serverIssues[field];
  const dirty = useMemo(
    () =>
      deal !== String(saved.averageDealValue) || (scheduleId || null) !== saved.defaultScheduleId,
    [deal, scheduleId, saved],
  );
  const amount = Number(deal);
  const known = scheduleId === '' || schedules.some((s) => s.id === scheduleId);
  const describedBy = (field: Field) =>
    [`settings-${field}-hint`, issueFor(field) ? `settings-${field}-error` : null]
      .filter(Boolean)
      .join(' ');

  return (
    <form
      className="card general-settings-form"
      aria-labelledby="general-settings-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const { changes, issues } = toChanges(saved, deal, scheduleId);
        setLocalIssues(issues);
        setSavedNow(false);
        if (Object.keys(issues).length === 0 && Object.keys(changes).length > 0)
          save.mutate(changes);
      }}
    >
      <h2 id="general-settings-title">Install-wide settings</h2>
      {readOnly && <p className="settings-note">Only admins change these settings.</p>}
      <div className="field">
        <label className="field-label" htmlFor="settings-averageDealValue">
          Average deal value
        </label>
        <input
          id="settings-averageDealValue"
          type="number"
          inputMode="decimal"
          min={dealBounds.minimum}
          max={dealBounds.maximum}
          step="any"
          value={deal}
          disabled={readOnly}
          aria-invalid={issueFor('averageDealValue') ? true : undefined}
          aria-describedby={describedBy('averageDealValue')}
          onChange={(event) => {
            setDeal(event.target.value);
            setSavedNow(false);
          }}
        />
        <span className="settings-hint" id="settings-averageDealValue-hint">
          {dealBounds.description}: the dashboard multiplies the deals lost to slow or missed
          contact by it, in your own currency
          {Number.isFinite(amount) && amount > 0
            ? ` (shown there as ${formatMoney(amount)}).`
            : '. At 0 the dashboard asks for it instead of estimating.'}
        </span>
        {issueFor('averageDealValue') && (
          <span className="field-error" id="settings-averageDealValue-error">
            {issueFor('averageDealValue')}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="settings-defaultScheduleId">
          Default business hours
        </label>
        <select
          id="settings-defaultScheduleId"
          value={scheduleId}
          disabled={readOnly}
          aria-invalid={issueFor('defaultScheduleId') ? true : undefined}
          aria-describedby={describedBy('defaultScheduleId')}
          onChange={(event) => {
            setScheduleId(event.target.value);
            setSavedNow(false);
          }}
        >
          <option value="">None (around the clock)</option>
          {!known && <option value={scheduleId}>A schedule that no longer exists</option>}
          {schedules.map((schedule) => (
            <option key={schedule.id} value={schedule.id}>
              {schedule.name} ({schedule.timeZone})
            </option>
          ))}
        </select>
        <span className="settings-hint" id="settings-defaultScheduleId-hint">
          {fields.defaultScheduleId.description}.
          {schedules.length === 0 && ' No schedules yet: create one under Teams or Schedules.'}
        </span>
        {issueFor('defaultScheduleId') && (
          <span className="field-error" id="settings-defaultScheduleId-error">
            {issueFor('defaultScheduleId')}
          </span>
        )}
      </div>
      {save.isError && (
        <p role="alert" className="field-error">
          {errorMessage(save.error)}
        </p>
      )}
      {!readOnly && (
        <div className="settings-form-actions">
          <span role="status" className="settings-saved">
            {savedNow && !dirty ? 'Saved' : dirty ? 'Unsaved changes' : ''}
          </span>
          <button
            type="submit"
            className="button button-primary"
            disabled={save.isPending || !dirty}
          >
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      )}
    </form>
  );
}
