import { Link, useParams } from 'react-router';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { useNow } from '../../time/use-now';
import { ErrorNotice } from '../../ui/error-notice';
import { Icon } from '../../ui/icon';
import { LoadingState } from '../../ui/loading-state';
import { LeadActions } from './lead-actions';
import { LeadCustomFields } from './lead-custom-fields';
import { LeadHeader } from './lead-header';
import { LeadIdentifiers } from './lead-identifiers';
import { LeadMessage } from './lead-message';
import { LeadQualification } from './lead-qualification';
import { LeadSourceContext } from './lead-source-context';
import { LeadSpeedMetrics } from './lead-speed-metrics';
import { LeadTimeline } from './lead-timeline';
import { useLead } from './use-lead';
import './lead-page.css';

function BackToInbox() {
  return (
    <Link to="/leads" className="back-link">
      <Icon name="arrowLeft" size={14} />
      Inbox
    </Link>
  );
}

export function LeadPage() {
  const { leadId = '' } = useParams();
  const lead = useLead(leadId);
  const now = useNow(1000);

  if (lead.isPending) return <LoadingState label="Loading lead…" />;
  if (!lead.data) {
    const notFound = isApiRequestError(lead.error, 404) || isApiRequestError(lead.error, 400);
    return (
      <div className="lead-page">
        <BackToInbox />
        {notFound ? (
          <div className="notice">
            <p className="notice-title">Lead not found</p>
            <p className="notice-message">
              There is no lead with this id. It may have been erased.
            </p>
          </div>
        ) : (
          <ErrorNotice
            title="Could not load this lead"
            message={errorMessage(lead.error)}
            onRetry={() => void lead.refetch()}
          />
        )}
      </div>
    );
  }

  const data = lead.data;
  return (
    <article className="lead-page">
      <BackToInbox />
      <LeadHeader lead={data} />
      <LeadActions lead={data} />
      <LeadSpeedMetrics lead={data} now={now} />
      <div className="lead-layout">
        <div className="lead-column">
          <LeadMessage message={data.message} />
          <LeadTimeline events={data.timeline} receivedAt={data.receivedAt} now={now} />
        </div>
        <aside className="lead-column" aria-label="Lead details">
          {data.qualification && (
            <LeadQualification
              leadId={data.id}
              qualification={data.qualification}
              correction={data.qualificationCorrection}
            />
          )}
          <LeadSourceContext source={data.source} context={data.context} />
          <LeadCustomFields fields={data.customFields} />
          <LeadIdentifiers lead={data} />
        </aside>
      </div>
    </article>
  );
}
