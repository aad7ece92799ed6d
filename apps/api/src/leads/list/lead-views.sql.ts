import { type LeadView, leadViews } from '@baton/api-contract';
import { OPEN_LEAD_STATUSES } from '@baton/db';
import type { SqlParams } from '../../metrics/queries/sql-query';
import { NOT_SPAM_LEAD, SPAM_LEAD } from '../lead-spam.sql';
import { teamsSeenBy, type Viewer } from '../lead-visibility.rule';

export interface ViewContext {
  viewer: Viewer;
  /** Minutes: an open lead whose SLA runs out this soon is breaching already. */
  breachingWithin: number;
  /** The after-hours condition (see after-hours-leads.service), bound lazily. */
  afterHours(p: SqlParams): string;
}

type Condition = (ctx: ViewContext, p: SqlParams) => string;

const openStatus = (p: SqlParams) => `l.status = ANY(${p.add(OPEN_LEAD_STATUSES, 'text[]')})`;

/** The views' own conditions; spam is left out of all of them (see viewCondition). */
const CONDITIONS: Record<Exclude<LeadView, 'spam'>, Condition> = {
  all: () => 'true',
  mine: (ctx, p) => `l.owner_id = ${p.add(ctx.viewer.id, 'uuid')}`,
  team: (ctx, p) => {
    const teams = p.add([...teamsSeenBy(ctx.viewer)], 'uuid[]');
    return `(l.team_id = ANY(${teams}) OR EXISTS (SELECT 1 FROM team_members tm
      WHERE tm.user_id = l.owner_id AND tm.team_id = ANY(${teams})))`;
  },
  unassigned: (_, p) => `l.owner_id IS NULL AND ${openStatus(p)}`,
  breaching: (ctx, p) =>
    `${openStatus(p)} AND l.first_contact_at IS NULL
      AND l.sla_due_at < now() + make_interval(mins => ${p.add(ctx.breachingWithin, 'int')})`,
  after_hours: (ctx, p) => ctx.afterHours(p),
};

/**
 * A triage view as a condition on `leads l`, binding its values into `p`. Every view but spam
 * leaves spam out, so spam never crowds a queue yet stays one tab away.
 */
export function viewCondition(view: LeadView, ctx: ViewContext, p: SqlParams): string {
  if (view === 'spam') return SPAM_LEAD;
  return `(${CONDITIONS[view](ctx, p)}) AND ${NOT_SPAM_LEAD}`;
}

export const allViews: readonly LeadView[] = leadViews;
