import type { CreateTeam, ScheduleView, UserView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { MemberPicker } from './member-picker';
import { createTeam, teamKeys } from './teams.api';

interface NewTeamFormProps {
  people: UserView[];
  schedules: ScheduleView[];
  onDone: (message: string) => void;
}

/** A team: who is in it, who its leads escalate to, and the hours it works. */
export function NewTeamForm({ people, schedules, onDone }: NewTeamFormProps) {
  const queryClient = useQueryClient();
  const managers = people.filter((p) => p.role !== 'rep');
  const [name, setName] = useState('');
  const [managerId, setManagerId] = useState(managers.find((p) => p.role === 'manager')?.id ?? '');
  const [scheduleId, setScheduleId] = useState(schedules[0]?.id ?? '');
  const [members, setMembers] = useState<Set<string>>(new Set());
  const create = useMutation({
    mutationFn: (body: CreateTeam) => createTeam(body),
    onSuccess: (team) => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      onDone(`${team.name} is ready: point an assign step of a flow at it.`);
    },
  });
  const nameProblem = isApiRequestError(create.error)
    ? create.error.issues.find((i) => i.path === 'name')?.message
    : undefined;

  return (
    <form
      className="card source-form"
      aria-labelledby="new-team-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          name,
          managerId: managerId || null,
          scheduleId: scheduleId || null,
          memberIds: [...members],
        });
      }}
    >
      <h2 id="new-team-title">New team</h2>
      <div className="people-form-grid">
        <div className="field">
          <label className="field-label" htmlFor="team-name">
            Name
          </label>
          <input
            id="team-name"
            required
            maxLength={200}
            value={name}
            aria-invalid={nameProblem ? true : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {nameProblem && <span className="field-error">{nameProblem}</span>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="team-manager">
            Manager
          </label>
          <select
            id="team-manager"
            value={managerId}
            aria-describedby="team-manager-hint"
            onChange={(event) => setManagerId(event.target.value)}
          >
            <option value="">No manager</option>
            {managers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <span className="source-hint" id="team-manager-hint">
            Gets the team’s escalations and sees its leads.
          </span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="team-schedule">
            Working hours
          </label>
          <select
            id="team-schedule"
            value={scheduleId}
            onChange={(event) => setScheduleId(event.target.value)}
          >
            <option value="">The default schedule</option>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.timeZone})
              </option>
            ))}
          </select>
        </div>
      </div>
      <MemberPicker legend="Members" people={people} chosen={members} onChange={setMembers} />
      {create.isError && (
        <p role="alert" className="field-error">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={() => onDone('')}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
