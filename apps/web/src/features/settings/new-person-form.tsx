import type { CreateInvitation, CreateUser, Role } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { createPerson, invitePerson, peopleKeys } from './people.api';

/** How the new person gets in: a link by email (the default) or a password the admin tells them. */
type Access = 'invite' | 'password';

const roleHints: Record<Role, string> = {
  rep: 'Takes leads and sees their own',
  manager: 'Sees their teams’ leads, edits flows, gets escalations',
  admin: 'Everything, including people and sources',
};

const labels = (text: string) =>
  text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Adds a person: who they are, their role, how many open leads they may hold, and how they get
 * in: by default an email with a one-time link to choose their password.
 */
export function NewPersonForm({ onDone }: { onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('rep');
  const [capacity, setCapacity] = useState('25');
  const [skills, setSkills] = useState('');
  const [territories, setTerritories] = useState('');
  const [password, setPassword] = useState('');
  const [access, setAccess] = useState<Access>('invite');
  const create = useMutation({
    mutationFn: (body: CreateUser) => createPerson(body),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      onDone(
        person.canSignIn
          ? `${person.name} can sign in now with the password you set; ask them to change it.`
          : `${person.name} was added. Set a password for them to sign in.`,
      );
    },
  });
  const invite = useMutation({
    mutationFn: (body: CreateInvitation) => invitePerson(body),
    onSuccess: (sent) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      onDone(
        `Invitation sent to ${sent.sentTo}. ${sent.user.name} chooses a password from the link, which works once until ${formatDateTime(sent.expiresAt)}.`,
      );
    },
    // A person added before the mail failed is on the list now.
    onError: () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
  const sending = access === 'invite' ? invite : create;
  const issues = isApiRequestError(sending.error) ? sending.error.issues : [];
  const problem = (field: string) => issues.find((i) => i.path === field)?.message;
  const input = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <div className="field">
      <label className="field-label" htmlFor={`person-${id}`}>
        {label}
      </label>
      <input
        id={`person-${id}`}
        value={value}
        aria-invalid={problem(id) ? true : undefined}
        aria-describedby={hint ? `person-${id}-hint` : undefined}
        onChange={(event) => set(event.target.value)}
        {...extra}
      />
      {hint && (
        <span className="source-hint" id={`person-${id}-hint`}>
          {hint}
        </span>
      )}
      {problem(id) && <span className="field-error">{problem(id)}</span>}
    </div>
  );

  return (
    <form
      className="card source-form"
      aria-labelledby="new-person-title"
      onSubmit={(event) => {
        event.preventDefault();
        const person = {
          name,
          email,
          role,
          capacity: capacity.trim() === '' ? null : Number(capacity),
          skills: labels(skills),
          territories: labels(territories),
        };
        if (access === 'invite') invite.mutate(person);
        else create.mutate({ ...person, ...(password ? { password } : {}) });
      }}
    >
      <h2 id="new-person-title">Add a person</h2>
      <div className="people-form-grid">
        {input('name', 'Name', name, setName, { required: true, maxLength: 200 })}
        {input('email', 'Email', email, setEmail, { required: true, type: 'email' })}
        <div className="field">
          <label className="field-label" htmlFor="person-role">
            Role
          </label>
          <select
            id="person-role"
            value={role}
            aria-describedby="person-role-hint"
            onChange={(event) => setRole(event.target.value as Role)}
          >
            <option value="rep">Rep</option>
            <option value="manager">Manager</option>
            <option value="admin">Admin</option>
          </select>
          <span className="source-hint" id="person-role-hint">
            {roleHints[role]}
          </span>
        </div>
        {input(
          'capacity',
          'Open leads at most',
          capacity,
          setCapacity,
          { type: 'number', min: 0, max: 10000 },
          'Routing skips them at this many open leads. Empty: no limit.',
        )}
        {input(
          'skills',
          'Skills',
          skills,
          setSkills,
          {},
          'Comma-separated, e.g. implants, spanish',
        )}
        {input(
          'territories',
          'Territories',
          territories,
          setTerritories,
          {},
          'Comma-separated, e.g. north, EMEA',
        )}
      </div>
      <fieldset className="person-access">
        <legend className="field-label">How they get in</legend>
        <label className="member-option">
          <input
            type="radio"
            name="person-access"
            checked={access === 'invite'}
            onChange={() => setAccess('invite')}
          />
          Invite by email: they choose their password from a one-time link
        </label>
        <label className="member-option">
          <input
            type="radio"
            name="person-access"
            checked={access === 'password'}
            onChange={() => setAccess('password')}
          />
          Set a first password and tell it to them
        </label>
        {access === 'password' &&
          input(
            'password',
            'First password',
            password,
            setPassword,
            { type: 'password', autoComplete: 'new-password', minLength: 12 },
            'At least 12 characters; tell it to them in person. Leave empty to set one later.',
          )}
      </fieldset>
      {sending.isError && (
        <p role="alert" className="field-error">
          {errorMessage(sending.error)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={() => onDone('')}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={sending.isPending}>
          {access === 'invite'
            ? invite.isPending
              ? 'Sending…'
              : 'Send invitation'
            : create.isPending
              ? 'Adding…'
              : 'Add person'}
        </button>
      </div>
    </form>
  );
}
