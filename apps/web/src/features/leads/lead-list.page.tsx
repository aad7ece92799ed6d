import { useMemo } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { InboxEmptyState } from './inbox-empty-state';
import { LeadBulkBar } from './lead-bulk-bar';
import { LeadListFilters } from './lead-list-filters';
import { LeadTable } from './lead-table';
import { LeadViewEmpty } from './lead-view-empty';
import { LeadViewTabs, leadViewPanelId, leadViewTabId } from './lead-view-tabs';
import { useLeadArrivals } from './use-lead-arrivals';
import { useLeadList } from './use-lead-list';
import { useLeadListFilters } from './use-lead-list-filters';
import { useLeadSelection } from './use-lead-selection';
import { useLeadViewCounts } from './use-lead-view-counts';
import './lead-list.css';

export function LeadListPage() {
  const { filters, setFilters, isFiltered } = useLeadListFilters();
  const view = filters.view ?? 'all';
  const list = useLeadList(filters);
  const counts = useLeadViewCounts(filters);
  const { newCount, showNew } = useLeadArrivals(filters);
  const leads = useMemo(() => list.data?.leads ?? [], [list.data]);
  const pageIds = useMemo(() => leads.map((l) => l.id), [leads]);
  const selection = useLeadSelection(pageIds);
  const selectedLeads = leads.filter((l) => selection.selected.has(l.id));

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
  } else if (leads.length === 0 && isFiltered) {
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
  } else if (leads.length === 0 && view !== 'all') {
    body = <LeadViewEmpty view={view} />;
  } else if (leads.length === 0) {
    body = <InboxEmptyState />;
  } else {
    const { total } = list.data;
    body = (
      <>
        <LeadBulkBar selected={selectedLeads} onDone={selection.clear} />
        <div className="card lead-table-card">
          <LeadTable
            leads={leads}
            selected={selection.selected}
            allSelected={selection.allSelected}
            onToggle={selection.toggle}
            onToggleAll={selection.toggleAll}
          />
        </div>
        <div className="inbox-footer">
          <span className="inbox-count" data-testid="inbox-total">
            {total} {total === 1 ? 'lead' : 'leads'}
            {leads.length < total && ` · ${leads.length} shown`}
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
            Triage by view; SLA countdowns tick until someone makes contact.
          </p>
        </div>
        <LeadListFilters filters={filters} onChange={setFilters} />
      </header>
      <LeadViewTabs
        view={view}
        counts={counts.data?.counts}
        onChange={(next) => {
          selection.clear();
          setFilters({ view: next === 'all' ? undefined : next });
        }}
      />
      <div
        role="tabpanel"
        id={leadViewPanelId}
        aria-labelledby={leadViewTabId(view)}
        className="inbox-view-panel"
      >
        {newCount > 0 && (
          <button type="button" className="inbox-new-leads" onClick={showNew}>
            {newCount} new {newCount === 1 ? 'lead' : 'leads'} · show
          </button>
        )}
        {body}
      </div>
    </section>
  );
}
