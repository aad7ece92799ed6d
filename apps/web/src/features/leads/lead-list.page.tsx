import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { InboxEmptyState } from './inbox-empty-state';
import { LeadListFilters } from './lead-list-filters';
import { LeadTable } from './lead-table';
import { useLeadList } from './use-lead-list';
import { useLeadListFilters } from './use-lead-list-filters';
import './lead-list.css';

export function LeadListPage() {
  const { filters, setFilters, isFiltered } = useLeadListFilters();
  const list = useLeadList(filters);

  let body;
  if (list.isPending) {
    body = <LoadingState label="Loading leads…" />;
  } else if (!list.data) {
    body = (
      <ErrorNotice
        title="Could not load leads"
        message={errorMessage(list.error)}
        onRetry={() => void list.refetch()}
      />
    );
  } else if (list.data.length === 0 && !isFiltered) {
    body = <InboxEmptyState />;
  } else if (list.data.length === 0) {
    body = (
      <div className="inbox-no-match card">
        <p>No leads match these filters.</p>
        <button
          type="button"
          className="button"
          onClick={() => setFilters({ status: undefined, q: undefined })}
        >
          Clear filters
        </button>
      </div>
    );
  } else {
    body = (
      <>
        <div className="card lead-table-card">
          <LeadTable leads={list.data} />
        </div>
        <div className="inbox-footer">
          <span className="inbox-count">
            {list.data.length} {list.data.length === 1 ? 'lead' : 'leads'} shown
          </span>
          {list.hasNextPage && (
            <button
              type="button"
              className="button"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
        {list.isError && (
          <p role="alert" className="inbox-stale">
            Showing what was loaded before: {errorMessage(list.error)}
          </p>
        )}
      </>
    );
  }

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <header className="inbox-header">
        <div>
          <h1 id="inbox-title">Inbox</h1>
          <p className="inbox-lede">
            Every inbound lead, newest first. Waiting times tick until someone makes contact.
          </p>
        </div>
        <LeadListFilters filters={filters} onChange={setFilters} />
      </header>
      {body}
    </section>
  );
}
