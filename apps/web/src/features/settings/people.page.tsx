import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { NewPersonForm } from './new-person-form';
import { fetchPeople, peopleKeys } from './people.api';
import { PersonEditForm } from './person-edit-form';
import { PersonRow } from './person-row';
import './settings-pages.css';
import { SettingsNav } from './settings-nav';

/**
 * Everyone who can take or oversee leads: admins invite, edit and remove people; managers edit
 * the availability of their teams' people and clear flags.
 */
export function PeoplePage() {
  const viewer = useCurrentUser();
  const people = useQuery({
    queryKey: peopleKeys.all,
    queryFn: ({ signal }) => fetchPeople(signal),
  });
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = people.data?.items.find((p) => p.id === editingId);
  const flagged = people.data?.items.filter((p) => p.flag !== null).length ?? 0;

  return (
    <div className="sources-page">
      <SettingsNav />
      <header className="sources-header">
        <div>
          <h1>People</h1>
          <p className="sources-lede">
            Reps take leads, managers watch their teams and get escalations, admins set Baton up.
            Routing reads each person’s availability, open leads and skills from here.
          </p>
        </div>
        {viewer.role === 'admin' && !adding && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setEditingId(null);
              setAdding(true);
            }}
          >
            Add a person
          </button>
        )}
      </header>
      <p role="status" className="people-message">
        {message}
      </p>
      {adding && (
        <NewPersonForm
          onDone={(done) => {
            setAdding(false);
            setMessage(done);
          }}
        />
      )}
      {editing && (
        <PersonEditForm
          key={editing.id}
          person={editing}
          viewer={viewer}
          onDone={(done) => {
            setEditingId(null);
            setMessage(done);
          }}
        />
      )}
      {people.isPending ? (
        <LoadingState label="Loading people…" />
      ) : people.isError ? (
        <ErrorNotice
          title="People could not be loaded"
          message={errorMessage(people.error)}
          onRetry={() => void people.refetch()}
        />
      ) : (
        <section className="card" aria-labelledby="people-table-title">
          <h2 className="card-title" id="people-table-title">
            {people.data.items.length} {people.data.items.length === 1 ? 'person' : 'people'}
            {flagged > 0 ? `, ${flagged} flagged for repeated SLA breaches` : ''}
          </h2>
          <div className="card-body people-table-wrap">
            <table className="people-table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">Teams</th>
                  <th scope="col">Availability</th>
                  <th scope="col">Open leads</th>
                  <th scope="col">Flag</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.data.items.map((person) => (
                  <PersonRow
                    key={person.id}
                    person={person}
                    viewer={viewer}
                    onMessage={setMessage}
                    onEdit={() => {
                      setAdding(false);
                      setEditingId(person.id);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
