import type { CurrentUser, UserView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { peopleKeys, removePerson, sendInvitation, updatePerson } from './people.api';

const roleLabels = { admin: 'Admin', manager: 'Manager', rep: 'Rep' } as const;

function availabilityOf(person: UserView): string {
  if (person.outOfOfficeUntil && Date.parse(person.outOfOfficeUntil) > Date.now())
    return `Out of office until ${formatDateTime(person.outOfOfficeUntil)}`;
  return person.status === 'away' ? 'Away' : 'Available';
}

/** Whether they can sign in yet: a pending invitation says until when its link works. */
function accessNote(person: UserView): string | null {
  if (person.canSignIn) return null;
  if (!person.invitation) return 'No password yet';
  const expires = formatDateTime(person.invitation.expiresAt);
  return Date.parse(person.invitation.expiresAt) > Date.now()
    ? `Invited · expires ${expires}`
    : `Invitation expired ${expires}`;
}

interface PersonRowProps {
  person: UserView;
  viewer: CurrentUser;
  onMessage: (message: string) => void;
  onEdit: () => void;
}

/** One person: role, teams, availability, load, and the repeat-breach flag with its reason. */
export function PersonRow({ person, viewer, onMessage, onEdit }: PersonRowProps) {
  const queryClient = useQueryClient();
  const settle = () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  const clearFlag = useMutation({
    mutationFn: () => updatePerson(person.id, { clearFlag: true }),
    onSuccess: () => onMessage(`The flag on ${person.name} is cleared.`),
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: () => removePerson(person.id),
    onSuccess: (answer) => onMessage(answer.message),
    onSettled: settle,
  });
  const invite = useMutation({
    mutationFn: () => sendInvitation(person.id),
    onSuccess: (sent) =>
      onMessage(
        `Invitation sent to ${sent.sentTo}; the link works until ${formatDateTime(sent.expiresAt)}. Earlier links no longer work.`,
      ),
    onSettled: settle,
  });
  const failure = clearFlag.error ?? remove.error ?? invite.error;
  const isAdmin = viewer.role === 'admin';
  const note = accessNote(person);
  return (
    <tr data-testid="person-row">
      <th scope="row">
        <span className="person-name">{person.name}</span>
        <span className="person-email">{person.email}</span>
        {note && <span className="person-note">{note}</span>}
      </th>
      <td>{roleLabels[person.role]}</td>
      <td>{person.teams.map((t) => t.name).join(', ') || '—'}</td>
      <td>{availabilityOf(person)}</td>
      <td>
        {person.openLeads}
        {person.capacity !== null ? ` / ${person.capacity}` : ''}
      </td>
      <td>
        {person.flag ? (
          <span className="person-flag">
            Flagged {formatDateTime(person.flag.at)}
            {person.flag.reason ? `: ${person.flag.reason}` : ''}
            {viewer.role !== 'rep' && (
              <button
                type="button"
                className="button button-quiet"
                disabled={clearFlag.isPending}
                onClick={() => clearFlag.mutate()}
              >
                Clear flag
              </button>
            )}
          </span>
        ) : (
          '—'
        )}
        {failure && (
          <span role="alert" className="field-error">
            {errorMessage(failure)}
          </span>
        )}
      </td>
      <td>
        <span className="person-actions">
          {viewer.role !== 'rep' && person.id !== viewer.id && (
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Edit ${person.name}`}
              onClick={onEdit}
            >
              Edit
            </button>
          )}
          {isAdmin && !person.canSignIn && (
            <button
              type="button"
              className="button button-quiet"
              disabled={invite.isPending}
              onClick={() => invite.mutate()}
            >
              {person.invitation ? 'Resend invitation' : 'Send invitation'}
            </button>
          )}
          {isAdmin && person.id !== viewer.id && (
            <button
              type="button"
              className="button button-quiet"
              disabled={remove.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    `Remove ${person.name}? Someone with leads or history is deactivated instead, and keeps their history.`,
                  )
                )
                  remove.mutate();
              }}
            >
              Remove
            </button>
          )}
        </span>
      </td>
    </tr>
  );
}
