import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { NewTeamForm } from './new-team-form';
import { fetchPeople, peopleKeys } from './people.api';
import { TeamCard } from './team-card';
import { fetchSchedules, fetchTeams, teamKeys } from './teams.api';
import './settings-pages.css';
import { SettingsNav } from './settings-nav';

/** Teams: the groups flows assign leads to, with the manager their escalations go to. */
export function TeamsPage() {
  const viewer = useCurrentUser();
  const canAdminister = viewer.role === 'admin';
  const teams = useQuery({ queryKey: teamKeys.all, queryFn: ({ signal }) => fetchTeams(signal) });
  const people = useQuery({
    queryKey: peopleKeys.all,
    queryFn: ({ signal }) => fetchPeople(signal),
  });
  const schedules = useQuery({
    queryKey: teamKeys.schedules,
    queryFn: ({ signal }) => fetchSchedules(signal),
  });
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const scheduleName = (id: string | null) =>
    id ? (schedules.data?.items.find((s) => s.id === id)?.name ?? 'A schedule') : null;

  return (
    <div className="sources-page">
      <SettingsNav />
      <header className="sources-header">
        <div>
          <h1>Teams</h1>
          <p className="sources-lede">
            A flow’s assign step picks someone from a team; the team’s manager gets its escalations
            and sees its leads.
          </p>
        </div>
        {canAdminister && !adding && (
          <button
            type="button"
            className="button button-primary"
            disabled={!people.data || !schedules.data}
            onClick={() => setAdding(true)}
          >
            New team
          </button>
        )}
      </header>
      <p role="status" className="people-message">
        {message}
      </p>
      {adding && people.data && schedules.data && (
        <NewTeamForm
          people={people.data.items}
          schedules={schedules.data.items}
          onDone={(done) => {
            setAdding(false);
            setMessage(done);
          }}
        />
      )}
      {teams.isPending ? (
        <LoadingState label="Loading teams…" />
      ) : teams.isError ? (
        <ErrorNotice
          title="Teams could not be loaded"
          message={errorMessage(teams.error)}
          onRetry={() => void teams.refetch()}
        />
      ) : teams.data.items.length === 0 ? (
        <section className="card card-body sources-empty">
          <h2>No teams yet</h2>
          <p>
            Put reps in a team, give it a manager, then point a flow’s assign step at it. Add the
            people first on the People page.
          </p>
        </section>
      ) : (
        <div className="sources-list">
          {teams.data.items.map((team) => (
            <TeamCard
              key={team.id}
              team={team}
              people={people.data?.items ?? []}
              schedules={schedules.data?.items ?? []}
              scheduleName={scheduleName(team.scheduleId)}
              canAdminister={canAdminister}
              onDeleted={setMessage}
            />
          ))}
        </div>
      )}
    </div>
  );
}
