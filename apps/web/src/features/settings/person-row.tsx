import type { CurrentUser, UserView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { peopleKeys, removePerson, updatePerson } from './people.api';

const roleLabels = { admin: 'Admin', manager: 'Manager', rep: 'Rep' } as const;

function availabilityOf(person: UserView): string {
  if (person.outOfOfficeUntil && Date.parse(person.outOfOfficeUntil) > Date.now())
    return `Out of office until ${formatDateTime(person.outOfOfficeUntil)}`;
  return person.status === 'away' ? 'Away' : 'Available';
}

interface PersonRowProps {
  person: UserView;
  viewer: CurrentUser;
  onMessage: (message: string) => void;
}

/** One person: role, teams, availability, load, and the repeat-breach flag with its reason. */
export function PersonRow({ person, viewer, onMessage }: PersonRowProps) {
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
  const failure = clearFlag.error ?? remove.error;
  const isAdmin = viewer.role === 'admin';
  return (
    <tr data-testid="person-row">
      <th scope="row">
        <span className="person-name">{person.name}</span>
        <span className="person-email">{person.email}</span>
        {!person.canSignIn && <span className="person-note">No password yet</span>}
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
      </td>
    </tr>
  );
}
