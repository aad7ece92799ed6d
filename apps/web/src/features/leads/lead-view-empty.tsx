import type { LeadView } from '@baton/api-contract';
import { leadViewLabels } from './lead-view-tabs';

const explanations: Record<Exclude<LeadView, 'all'>, string> = {
  mine: 'Leads you own show here. Claim one from Unassigned, or ask a manager to assign you.',
  team: "Leads of your teams show here, whoever owns them: your team's whole queue.",
  unassigned: 'Open leads nobody owns show here, ready to claim or assign. None right now.',
  breaching:
    'Open leads whose SLA has passed or runs out within 15 minutes show here. Nothing is at risk.',
  after_hours:
    "Leads received outside their team's working hours (or the default schedule) show here.",
  spam: 'Leads qualified as spam, or disqualified as spam by someone, are set aside here, out of the other views and the dashboard figures.',
};

/** What an empty view is for, so an empty tab teaches instead of puzzling. */
export function LeadViewEmpty({ view }: { view: Exclude<LeadView, 'all'> }) {
  return (
    <div className="inbox-no-match card" data-testid="view-empty">
      <h2 className="inbox-view-empty-title">No leads in {leadViewLabels[view]}</h2>
      <p>{explanations[view]}</p>
    </div>
  );
}
