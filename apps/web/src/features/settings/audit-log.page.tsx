import { auditEntityTypes } from '@baton/api-contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { useNow } from '../../time/use-now';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { AuditEntryRow } from './audit-entry-row';
import { AuditFiltersForm } from './audit-filters-form';
import { auditKeys, fetchAuditPage, type AuditFilters } from './audit-log.api';
import { fetchPeople, peopleKeys } from './people.api';
import { SettingsNav } from './settings-nav';
import './system-settings.css';

const filterNames = ['actorId', 'entityType', 'action', 'fromDate', 'toDate'] as const;

function readFilters(params: URLSearchParams): AuditFilters {
  const entityType = params.get('entityType') ?? '';
  return {
    actorId: params.get('actorId') ?? '',
    entityType: (auditEntityTypes as readonly string[]).includes(entityType)
      ? (entityType as AuditFilters['entityType'])
      : '',
    action: params.get('action') ?? '',
    fromDate: params.get('fromDate') ?? '',
    toDate: params.get('toDate') ?? '',
  };
}

/** Who changed what and when, across flows, people, teams, sources, schedules and settings. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const filtered = filterNames.some((name) => filters[name] !== '');
  const now = useNow(30_000);
  const people = useQuery({
    queryKey: peopleKeys.all,
    queryFn: ({ signal }) => fetchPeople(signal),
  });
  const log = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const setFilters = (next: AuditFilters) =>
    setParams(
      new URLSearchParams(filterNames.filter((n) => next[n] !== '').map((n) => [n, next[n]])),
      { replace: true },
    );

  return (
    <div className="system-settings-page">
      <SettingsNav />
      <header>
        <h1>Audit log</h1>
        <p className="system-settings-lede">
          Every change to flows, people, teams, sources, schedules and settings: who made it, when,
          and what it was before.
        </p>
      </header>
      <AuditFiltersForm filters={filters} people={people.data?.items ?? []} onChange={setFilters} />
      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : !log.data ? (
        <ErrorNotice
          title="The audit log could not be loaded"
          message={errorMessage(log.error)}
          onRetry={() => void log.refetch()}
        />
      ) : entries.length === 0 ? (
        <section className="card card-body system-settings-empty">
          {filtered ? (
            <>
              <h2>No changes match these filters</h2>
              <p>Widen the dates or pick “Anyone” and “Everything” to see more.</p>
              <button type="button" className="button" onClick={() => setParams({})}>
                Clear filters
              </button>
            </>
          ) : (
            <>
              <h2>No changes recorded yet</h2>
              <p>
                When someone publishes a flow, changes a person’s role, rotates a source’s key or
                edits a setting, it is written here with the values before and after. Try changing
                the average deal value under General: it shows up here at once.
              </p>
            </>
          )}
        </section>
      ) : (
        <section className="card audit-list" aria-label="Changes, newest first">
          <ul>
            {entries.map((entry) => (
              <AuditEntryRow key={entry.id} entry={entry} now={now} />
            ))}
          </ul>
          {log.hasNextPage && (
            <div className="audit-more">
              <button
                type="button"
                className="button"
                disabled={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {log.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
              </button>
            </div>
          )}
          {log.isFetchNextPageError && (
            <p role="alert" className="field-error">
              {errorMessage(log.error)}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
