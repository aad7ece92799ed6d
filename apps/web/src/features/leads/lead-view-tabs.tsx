import type { LeadView, LeadViewCounts } from '@baton/api-contract';
import { type KeyboardEvent, useRef } from 'react';

export const leadViewLabels: Record<LeadView, string> = {
  all: 'All',
  mine: 'Mine',
  team: 'My team',
  unassigned: 'Unassigned',
  breaching: 'Breaching',
  after_hours: 'After hours',
  spam: 'Spam',
};

const order: LeadView[] = ['all', 'mine', 'team', 'unassigned', 'breaching', 'after_hours', 'spam'];

export const leadViewPanelId = 'inbox-view-panel';
export const leadViewTabId = (view: LeadView) => `inbox-view-tab-${view}`;

interface LeadViewTabsProps {
  view: LeadView;
  counts: LeadViewCounts['counts'] | undefined;
  onChange: (view: LeadView) => void;
}

/** The triage views as tabs, each with its count; arrow keys move between them (WAI-ARIA tabs). */
export function LeadViewTabs({ view, counts, onChange }: LeadViewTabsProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + order.length) % order.length;
    tabs.current[next]?.focus();
    onChange(order[next] as LeadView);
  };
  return (
    <div role="tablist" aria-label="Inbox views" className="inbox-views">
      {order.map((v, index) => (
        <button
          key={v}
          ref={(el) => {
            tabs.current[index] = el;
          }}
          type="button"
          role="tab"
          id={leadViewTabId(v)}
          aria-selected={v === view}
          aria-controls={leadViewPanelId}
          tabIndex={v === view ? 0 : -1}
          className="inbox-view-tab"
          data-testid={`view-tab-${v}`}
          onClick={() => onChange(v)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {leadViewLabels[v]}
          <span className="inbox-view-count">{counts ? counts[v] : '…'}</span>
        </button>
      ))}
    </div>
  );
}
