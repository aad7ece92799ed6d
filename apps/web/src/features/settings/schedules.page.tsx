import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { ScheduleCard } from './schedule-card';
import { ScheduleEditor } from './schedule-editor';
import { fetchSchedules, teamKeys } from './teams.api';
import './settings-pages.css';
import './schedules-page.css';
import { SettingsNav } from './settings-nav';

/** Which schedule the editor is open for: a new one, or one by id. */
type Editing = { kind: 'new' } | { kind: 'existing'; id: string } | null;

/** Working hours: when teams are open, what business-time SLAs count, and holidays. */
export function SchedulesPage() {
  const schedules = useQuery({
    queryKey: teamKeys.schedules,
    queryFn: ({ signal }) => fetchSchedules(signal),
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <div className="sources-page">
      <SettingsNav />
      <header className="sources-header">
        <div>
          <h1>Schedules</h1>
          <p className="sources-lede">
            Opening hours in a time zone, with holidays. A team works to one; a flow’s business
            hours, delays and SLAs count only the time it is open.
          </p>
        </div>
        {editing === null && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setMessage('');
              setEditing({ kind: 'new' });
            }}
          >
            New schedule
          </button>
        )}
      </header>
      <p role="status" className="people-message">
        {message}
      </p>
      {editing?.kind === 'new' && <ScheduleEditor onDone={done} />}
      {schedules.isPending ? (
        <LoadingState label="Loading schedules…" />
      ) : schedules.isError ? (
        <ErrorNotice
          title="Schedules could not be loaded"
          message={errorMessage(schedules.error)}
          onRetry={() => void schedules.refetch()}
        />
      ) : schedules.data.items.length === 0 ? (
        editing === null && (
          <section className="card card-body sources-empty">
            <h2>No schedules yet</h2>
            <p>
              Make one for each set of opening hours you keep (the office, the weekend desk). Then
              give it to a team on the Teams page, or pick it in a flow’s business-hours step or
              SLA.
            </p>
          </section>
        )
      ) : (
        <div className="sources-list">
          {schedules.data.items.map((schedule) =>
            editing?.kind === 'existing' && editing.id === schedule.id ? (
              <ScheduleEditor key={schedule.id} schedule={schedule} onDone={done} />
            ) : (
              <ScheduleCard
                key={schedule.id}
                schedule={schedule}
                onEdit={() => {
                  setMessage('');
                  setEditing({ kind: 'existing', id: schedule.id });
                }}
                onDeleted={setMessage}
              />
            ),
          )}
        </div>
      )}
    </div>
  );
}
