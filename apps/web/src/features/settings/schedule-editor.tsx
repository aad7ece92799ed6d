import type { ScheduleBody, ScheduleView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { HolidaysEditor } from './holidays-editor';
import {
  bodyFromDraft,
  copyMondayToWeekdays,
  draftFromView,
  draftIssues,
  newScheduleDraft,
  type ScheduleDraft,
} from './schedule-draft';
import { ScheduleWeek } from './schedule-week';
import { createSchedule, replaceSchedule } from './schedules.api';
import { teamKeys } from './teams.api';
import { TimeZoneField } from './time-zone-field';
import { WeeklyHoursEditor } from './weekly-hours-editor';

interface ScheduleEditorProps {
  /** The schedule being changed; a new one when absent. */
  schedule?: ScheduleView;
  onDone: (message: string) => void;
}

/**
 * Name, zone, weekly hours and holidays, checked as the API checks them (its own zod schema)
 * once the first save is tried, so problems show at their field before anything is sent.
 */
export function ScheduleEditor({ schedule, onDone }: ScheduleEditorProps) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const scheduleId = schedule?.id;
  const [draft, setDraft] = useState<ScheduleDraft>(() =>
    schedule ? draftFromView(schedule) : newScheduleDraft(),
  );
  const [attempted, setAttempted] = useState(false);
  const save = useMutation({
    mutationFn: (body: ScheduleBody): Promise<ScheduleView> =>
      scheduleId ? replaceSchedule(scheduleId, body) : createSchedule(body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.schedules });
      onDone(scheduleId ? `${saved.name} is saved.` : `${saved.name} is ready: give it to a team.`);
    },
  });
  const clientIssues = attempted ? draftIssues(draft) : new Map<string, string>();
  const serverIssues = isApiRequestError(save.error)
    ? new Map(save.error.issues.map((i) => [i.path, i.message]))
    : new Map<string, string>();
  const issues = new Map([...serverIssues, ...clientIssues]);
  const change = (patch: Partial<ScheduleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (save.isError) save.reset();
  };
  const title = schedule ? `Edit ${schedule.name}` : 'New schedule';

  return (
    <form
      className="card source-form schedule-editor"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        if (draftIssues(draft).size > 0) return;
        save.mutate(bodyFromDraft(draft));
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="people-form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${titleId}-name`}>
            Name
          </label>
          <input
            id={`${titleId}-name`}
            required
            maxLength={200}
            value={draft.name}
            aria-invalid={issues.has('name') ? true : undefined}
            aria-describedby={issues.has('name') ? `${titleId}-name-problem` : undefined}
            onChange={(event) => change({ name: event.target.value })}
          />
          {issues.has('name') && (
            <span className="field-error" id={`${titleId}-name-problem`}>
              {issues.get('name')}
            </span>
          )}
        </div>
        <TimeZoneField
          value={draft.timeZone}
          error={issues.get('timeZone')}
          onChange={(timeZone) => change({ timeZone })}
        />
      </div>
      <WeeklyHoursEditor
        days={draft.days}
        issues={issues}
        onChange={(days) => change({ days })}
        onCopyMonday={() => change(copyMondayToWeekdays(draft))}
      />
      <HolidaysEditor
        holidays={draft.holidays}
        issues={issues}
        onChange={(holidays) => change({ holidays })}
      />
      {schedule && (
        <section aria-label="The week as saved">
          <h3 className="field-label">The week as saved</h3>
          <ScheduleWeek schedule={schedule} />
        </section>
      )}
      {attempted && clientIssues.size > 0 && (
        <p role="alert" className="field-error">
          Fix the marked {clientIssues.size === 1 ? 'field' : 'fields'} to save.
        </p>
      )}
      {save.isError && (
        <p role="alert" className="field-error">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={() => onDone('')}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : scheduleId ? 'Save schedule' : 'Create schedule'}
        </button>
      </div>
    </form>
  );
}
