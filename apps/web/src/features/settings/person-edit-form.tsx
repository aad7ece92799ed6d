import type { CurrentUser, Role, UpdateUser, UserStatus, UserView } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { peopleKeys, removePerson, sendInvitation, updatePerson } from './people.api';
import { fetchTeams, teamKeys } from './teams.api';

const labels = (text: string) =>
  text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

interface PersonEditFormProps {
  person: UserView;
  viewer: CurrentUser;
  onDone: (message: string) => void;
}

/**
 * Changes a person after they were added. Admins: role, teams, availability, and whether they
 * can sign in; managers: the availability fields the API lets them change for their teams.
 * Only what changed is sent.
 */
export function PersonEditForm({ person, viewer, onDone }: PersonEditFormProps) {
  const isAdmin = viewer.role === 'admin';
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from a row below: take keyboard focus (and the view) to the form.
  useEffect(() => title.current?.focus(), []);
  const queryClient = useQueryClient();
  const settle = () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  const teams = useQuery({
    queryKey: teamKeys.all,
    queryFn: ({ signal }) => fetchTeams(signal),
    enabled: isAdmin,
  });
  const [role, setRole] = useState<Role>(person.role);
  const [teamIds, setTeamIds] = useState(() => new Set(person.teams.map((t) => t.id)));
  const [status, setStatus] = useState<UserStatus>(person.status);
  const [capacity, setCapacity] = useState(person.capacity === null ? '' : String(person.capacity));
  const [skills, setSkills] = useState(person.skills.join(', '));
  const [territories, setTerritories] = useState(person.territories.join(', '));

  const save = useMutation({
    mutationFn: (body: UpdateUser) => updatePerson(person.id, body),
    onSuccess: (saved) => onDone(`${saved.name} is saved.`),
    onSettled: settle,
  });
  const invite = useMutation({
    mutationFn: () => sendInvitation(person.id),
    onSuccess: (sent) => onDone(`Invitation sent to ${sent.sentTo}.`),
    onSettled: settle,
  });
  const deactivate = useMutation({
    mutationFn: () => removePerson(person.id),
    onSuccess: (answer) => onDone(answer.message),
    onSettled: settle,
  });

  function changes(): UpdateUser {
    const body: UpdateUser = {};
    const cap = capacity.trim() === '' ? null : Number(capacity);
    if (cap !== person.capacity) body.capacity = cap;
    if (status !== person.status) body.status = status;
    if (!sameList(labels(skills), person.skills)) body.skills = labels(skills);
    if (!sameList(labels(territories), person.territories)) body.territories = labels(territories);
    if (isAdmin) {
      if (role !== person.role) body.role = role;
      const before = person.teams.map((t) => t.id).sort();
      if (!sameList([...teamIds].sort(), before)) body.teamIds = [...teamIds];
    }
    return body;
  }

  const issues = isApiRequestError(save.error) ? save.error.issues : [];
  const problem = (field: string) => issues.find((i) => i.path === field)?.message;
  const failure = save.error ?? invite.error ?? deactivate.error;
  const fieldId = (name: string) => `edit-${person.id}-${name}`;
  const text = (
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    hint: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div className="field">
      <label className="field-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <input
        id={fieldId(name)}
        value={value}
        aria-invalid={problem(name) ? true : undefined}
        aria-describedby={`${fieldId(name)}-hint`}
        onChange={(event) => set(event.target.value)}
        {...extra}
      />
      <span className="source-hint" id={`${fieldId(name)}-hint`}>
        {problem(name) ?? hint}
      </span>
    </div>
  );

  return (
    <form
      className="card source-form"
      aria-labelledby={fieldId('title')}
      onSubmit={(event) => {
        event.preventDefault();
        const body = changes();
        if (Object.keys(body).length === 0) onDone(`Nothing changed for ${person.name}.`);
        else save.mutate(body);
      }}
    >
      <h2 id={fieldId('title')} ref={title} tabIndex={-1}>
        Edit {person.name}
      </h2>
      <div className="people-form-grid">
        {isAdmin && (
          <div className="field">
            <label className="field-label" htmlFor={fieldId('role')}>
              Role
            </label>
            <select
              id={fieldId('role')}
              value={role}
              disabled={person.id === viewer.id}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              <option value="rep">Rep</option>
              <option value="manager">Manager</option>
              <option value="admin">Admin</option>
            </select>
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor={fieldId('status')}>
            Availability
          </label>
          <select
            id={fieldId('status')}
            value={status}
            onChange={(event) => setStatus(event.target.value as UserStatus)}
          >
            <option value="available">Available</option>
            <option value="away">Away</option>
          </select>
        </div>
        {text('capacity', 'Open leads at most', capacity, setCapacity, 'Empty: no limit.', {
          type: 'number',
          min: 0,
          max: 10000,
        })}
        {text('skills', 'Skills', skills, setSkills, 'Comma-separated, e.g. implants, spanish')}
        {text(
          'territories',
          'Territories',
          territories,
          setTerritories,
          'Comma-separated, e.g. north, EMEA',
        )}
      </div>
      {isAdmin && role !== 'admin' && (
        <fieldset className="member-picker person-access">
          <legend className="field-label">Teams</legend>
          {teams.isPending ? (
            <p className="source-hint">Loading teams…</p>
          ) : teams.isError ? (
            <p className="field-error">Teams could not be loaded: {errorMessage(teams.error)}</p>
          ) : teams.data.items.length === 0 ? (
            <p className="source-hint">No teams yet: create one on the Teams page.</p>
          ) : (
            teams.data.items.map((team) => (
              <label key={team.id} className="member-option">
                <input
                  type="checkbox"
                  checked={teamIds.has(team.id)}
                  onChange={(event) => {
                    const next = new Set(teamIds);
                    if (event.target.checked) next.add(team.id);
                    else next.delete(team.id);
                    setTeamIds(next);
                  }}
                />
                {team.name}
              </label>
            ))
          )}
          {problem('teamIds') && <span className="field-error">{problem('teamIds')}</span>}
        </fieldset>
      )}
      {isAdmin && person.id !== viewer.id && (
        <div className="person-signin">
          {person.canSignIn ? (
            <>
              <span>Can sign in.</span>
              <button
                type="button"
                className="button"
                disabled={deactivate.isPending}
                onClick={() => {
                  if (
                    window.confirm(
                      `Deactivate ${person.name}? They are signed out, their password is removed and they leave their teams; their history stays. Someone with no history is removed instead.`,
                    )
                  )
                    deactivate.mutate();
                }}
              >
                Deactivate…
              </button>
            </>
          ) : (
            <>
              <span>Cannot sign in{person.invitation ? ': invitation pending' : ''}.</span>
              <button
                type="button"
                className="button"
                disabled={invite.isPending}
                onClick={() => invite.mutate()}
              >
                {person.invitation ? 'Resend invitation' : 'Reactivate: send an invitation'}
              </button>
            </>
          )}
        </div>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {errorMessage(failure)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={() => onDone('')}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
