import type { ScheduleView, TeamView, UpdateTeam, UserView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { teamKeys, updateTeam } from './teams.api';

interface TeamSettingsFormProps {
  team: TeamView;
  people: UserView[];
  schedules: ScheduleView[];
  onDone: () => void;
}

/** Rename a team, change its manager or its working hours; only what changed is sent. */
export function TeamSettingsForm({ team, people, schedules, onDone }: TeamSettingsFormProps) {
  const queryClient = useQueryClient();
  const managers = people.filter((p) => p.role !== 'rep');
  const [name, setName] = useState(team.name);
  const [managerId, setManagerId] = useState(team.managerId ?? '');
  const [scheduleId, setScheduleId] = useState(team.scheduleId ?? '');
  const save = useMutation({
    mutationFn: (body: UpdateTeam) => updateTeam(team.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      // A schedule's "used by" changes with the team's hours.
      void queryClient.invalidateQueries({ queryKey: teamKeys.schedules });
      onDone();
    },
  });
  const problem = (path: 'name' | 'managerId' | 'scheduleId') =>
    isApiRequestError(save.error)
      ? save.error.issues.find((i) => i.path === path)?.message
      : undefined;
  const fieldProblem = problem('name') ?? problem('managerId') ?? problem('scheduleId');
  const idPrefix = `team-${team.id}`;

  return (
    <form
      aria-label={`Settings of ${team.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        const body: UpdateTeam = {};
        if (name.trim() !== team.name) body.name = name;
        if ((managerId || null) !== team.managerId) body.managerId = managerId || null;
        if ((scheduleId || null) !== team.scheduleId) body.scheduleId = scheduleId || null;
        if (Object.keys(body).length === 0) onDone();
        else save.mutate(body);
      }}
    >
      <div className="people-form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-name`}>
            Team name
          </label>
          <input
            id={`${idPrefix}-name`}
            required
            maxLength={200}
            value={name}
            aria-invalid={problem('name') ? true : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {problem('name') && <span className="field-error">{problem('name')}</span>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-manager`}>
            Manager
          </label>
          <select
            id={`${idPrefix}-manager`}
            value={managerId}
            aria-invalid={problem('managerId') ? true : undefined}
            onChange={(event) => setManagerId(event.target.value)}
          >
            <option value="">No manager</option>
            {managers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {problem('managerId') && <span className="field-error">{problem('managerId')}</span>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-schedule`}>
            Working hours
          </label>
          <select
            id={`${idPrefix}-schedule`}
            value={scheduleId}
            aria-invalid={problem('scheduleId') ? true : undefined}
            onChange={(event) => setScheduleId(event.target.value)}
          >
            <option value="">The default schedule</option>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.timeZone})
              </option>
            ))}
          </select>
          {problem('scheduleId') && <span className="field-error">{problem('scheduleId')}</span>}
        </div>
      </div>
      {save.isError && !fieldProblem && (
        <p role="alert" className="field-error">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save team'}
        </button>
      </div>
    </form>
  );
}
