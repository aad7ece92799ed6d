import type { ScheduleView, TeamView, UserView } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { MemberPicker } from './member-picker';
import { TeamSettingsForm } from './team-settings-form';
import { deleteTeam, setTeamMembers, teamKeys } from './teams.api';

interface TeamCardProps {
  team: TeamView;
  people: UserView[];
  schedules: ScheduleView[];
  scheduleName: string | null;
  canAdminister: boolean;
  onDeleted: (message: string) => void;
}

/** One team: its manager, hours and members; admins change them, or delete the team. */
export function TeamCard({
  team,
  people,
  schedules,
  scheduleName,
  canAdminister,
  onDeleted,
}: TeamCardProps) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [editingSettings, setEditingSettings] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const save = useMutation({
    mutationFn: () => setTeamMembers(team.id, [...chosen]),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteTeam(team.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: teamKeys.schedules });
      onDeleted(`${team.name} is deleted; its leads keep their history.`);
    },
  });
  const busy = editing || editingSettings;
  const titleId = `team-${team.id}-title`;
  return (
    <article className="card source-card" aria-labelledby={titleId} data-testid="team-card">
      <header className="source-card-header">
        <h2 id={titleId}>{team.name}</h2>
        {canAdminister && !busy && (
          <div className="source-form-actions">
            <button type="button" className="button" onClick={() => setEditingSettings(true)}>
              Edit team
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setChosen(new Set(team.members.map((m) => m.id)));
                save.reset();
                setEditing(true);
              }}
            >
              Change members
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={remove.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    `Delete the team ${team.name}? Its leads keep their history; flows that route to it must be changed first.`,
                  )
                ) {
                  remove.mutate();
                }
              }}
            >
              {remove.isPending ? 'Deleting…' : 'Delete team'}
            </button>
          </div>
        )}
      </header>
      {remove.isError && (
        <p role="alert" className="field-error">
          Not deleted: {errorMessage(remove.error)}
        </p>
      )}
      {editingSettings && (
        <TeamSettingsForm
          team={team}
          people={people}
          schedules={schedules}
          onDone={() => setEditingSettings(false)}
        />
      )}
      <dl className="source-facts">
        <dt>Manager</dt>
        <dd>{team.manager?.name ?? 'None: escalations go to every manager and admin'}</dd>
        <dt>Working hours</dt>
        <dd>{scheduleName ?? 'The default schedule'}</dd>
        <dt>Members</dt>
        <dd>
          {team.members.length > 0
            ? team.members.map((m) => `${m.name}${m.status === 'away' ? ' (away)' : ''}`).join(', ')
            : 'Nobody yet: an assign step for this team finds no one'}
        </dd>
      </dl>
      {editing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <MemberPicker
            legend={`Members of ${team.name}`}
            people={people}
            chosen={chosen}
            onChange={setChosen}
          />
          {save.isError && (
            <p role="alert" className="field-error">
              {errorMessage(save.error)}
            </p>
          )}
          <div className="source-form-actions">
            <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save members'}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
