import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { CurrentUser } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { loadPlacements, loadViewer } from './lead-visibility.query';
import { type LeadPlacement, mayView, visibleLeadsSql, type Viewer } from './lead-visibility.rule';

export type LeadAction = 'view' | 'claim' | 'contacted' | 'note' | 'disqualify' | 'reassign';

/**
 * Who may do what to a lead, decided on the server. Seeing a lead is lead-visibility.rule (the
 * same for lists, details and live events); whoever sees it may act on it, except that reps never
 * reassign and disqualify only their own leads.
 */
@Injectable()
export class LeadAccessService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async assertCan(user: CurrentUser, leadId: string, action: LeadAction): Promise<void> {
    const [[lead], viewer] = await Promise.all([
      loadPlacements(this.db, [leadId]),
      loadViewer(this.db, user),
    ]);
    if (!lead) throw new NotFoundException(`Lead ${leadId} does not exist`);
    if (!mayView(viewer, lead)) throw new ForbiddenException('This lead belongs to another team');
    const why = actionRefusal(viewer, lead, action);
    if (why) throw new ForbiddenException(why);
  }

  /**
   * That this person sees this lead, answering 404 alike for a lead that does not exist and one
   * they may not see, so the answer does not tell which (qualification corrections use it).
   */
  async assertVisible(user: CurrentUser, leadId: string): Promise<void> {
    const [[lead], viewer] = await Promise.all([
      loadPlacements(this.db, [leadId]),
      loadViewer(this.db, user),
    ]);
    if (!lead || !mayView(viewer, lead))
      throw new NotFoundException(`Lead ${leadId} does not exist`);
  }

  /** SQL condition (on alias `l`, numbered from $1) for the leads this person may see in lists. */
  async visibleLeads(user: CurrentUser): Promise<{ sql: string; values: unknown[] }> {
    return visibleLeadsSql(await loadViewer(this.db, user));
  }
}

function actionRefusal(viewer: Viewer, lead: LeadPlacement, action: LeadAction): string | null {
  if (viewer.role !== 'rep') return null;
  if (action === 'reassign') return 'Only managers and admins can reassign leads';
  if (action === 'disqualify' && lead.ownerId !== viewer.id) {
    return 'You can only disqualify your own leads';
  }
  return null;
}
