import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  classOfQualification,
  type CurrentUser,
  type LeadDetail,
  type LeadList,
  type LeadListQuery,
  type LeadSummary,
  type LeadView,
  type LeadViewCounts,
  type LeadViewCountsQuery,
  leadViews,
} from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { leadWorkflowId } from '@baton/workflows/contract';
import { SqlParams } from '../metrics/queries/sql-query';
import { loadLatestCorrection } from './corrections/qualification-correction.query';
import { summarizeEvent } from './event-summary';
import { LeadAccessService } from './lead-access.service';
import { SPAM_LEAD } from './lead-spam.sql';
import { loadViewer } from './lead-visibility.query';
import { visibleLeadsSql } from './lead-visibility.rule';
import { AfterHoursLeadsService } from './list/after-hours-leads.service';
import { filterConditions, rebind } from './list/lead-filters.sql';
import { type LeadCursorRow, LeadListOrder, SCORE_SQL } from './list/lead-list-order';
import { viewCondition, type ViewContext } from './list/lead-views.sql';

interface LeadRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  message: string | null;
  status: LeadSummary['status'];
  received_at: Date;
  first_response_at: Date | null;
  assigned_at: Date | null;
  first_contact_at: Date | null;
  sla_due_at: Date | null;
  score: number | null;
  is_spam: boolean;
  spam_flag: boolean | null;
  source_id: string;
  source_name: string;
  source_slug: string;
  owner_id: string | null;
  owner_name: string | null;
}

/** How many of the bound values a condition refers to (its highest $n): the cursor's come last. */
function countParams(sql: string): number {
  return Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SUMMARY_COLUMNS = `l.id, l.name, l.email, l.phone, l.company, l.message, l.status, l.received_at,
  l.first_response_at, l.assigned_at, l.first_contact_at, l.sla_due_at, ${SCORE_SQL} AS score,
  ${SPAM_LEAD} AS is_spam, (l.qualification -> 'spam') = 'true'::jsonb AS spam_flag, s.id AS source_id, s.name AS source_name,
  s.slug AS source_slug, u.id AS owner_id, u.name AS owner_name`;

const FROM = `FROM leads l JOIN sources s ON s.id = l.source_id LEFT JOIN users u ON u.id = l.owner_id`;

function toSummary(r: LeadRow): LeadSummary {
  return {
    id: r.id,
    contact: {
      name: r.name,
      ...(r.email ? { email: r.email } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.company ? { company: r.company } : {}),
    },
    message: r.message,
    status: r.status,
    source: { id: r.source_id, name: r.source_name, slug: r.source_slug },
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    receivedAt: r.received_at.toISOString(),
    firstResponseAt: iso(r.first_response_at),
    assignedAt: iso(r.assigned_at),
    firstContactAt: iso(r.first_contact_at),
    slaDueAt: iso(r.sla_due_at),
    score: r.score,
    qualificationClass: classOfQualification(
      r.spam_flag || r.score !== null ? { spam: r.spam_flag === true, score: r.score } : null,
    ),
    spam: r.is_spam,
  };
}

@Injectable()
export class LeadReadService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(LeadAccessService) private readonly access: LeadAccessService,
    @Inject(AfterHoursLeadsService) private readonly afterHours: AfterHoursLeadsService,
  ) {}

  async list(query: LeadListQuery, viewer: CurrentUser): Promise<LeadList> {
    const ctx = await this.viewContext(viewer, query.breachingWithin, query.view === 'after_hours');
    const p = new SqlParams();
    const where = [
      rebind(visibleLeadsSql(ctx.viewer), p),
      ...filterConditions(query, viewer.id, p),
      viewCondition(query.view, ctx, p),
    ];
    const matching = where.join(' AND ');
    const order = new LeadListOrder(query.sort);
    const paged = query.cursor ? `${matching} AND ${order.after(query.cursor, p)}` : matching;
    const [rows, [count]]: [(LeadRow & LeadCursorRow)[], { total: number }[]] = await Promise.all([
      this.db.query(
        `SELECT ${SUMMARY_COLUMNS}, ${order.cursorColumn} ${FROM} WHERE ${paged}
         ${order.orderBy} LIMIT ${query.limit + 1}`,
        p.values,
      ),
      // The same conditions without the cursor; needs no join (sources and owners only label rows).
      this.db.query(
        `SELECT count(*)::int AS total FROM leads l WHERE ${matching}`,
        p.values.slice(0, countParams(matching)),
      ),
    ]);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > query.limit && last ? order.nextCursor(last) : null,
      total: count?.total ?? 0,
    };
  }

  /** How many leads each view holds under these filters: one scan, a FILTER per view. */
  async viewCounts(query: LeadViewCountsQuery, viewer: CurrentUser): Promise<LeadViewCounts> {
    const ctx = await this.viewContext(viewer, query.breachingWithin, true);
    const p = new SqlParams();
    const where = [
      rebind(visibleLeadsSql(ctx.viewer), p),
      ...filterConditions(query, viewer.id, p),
    ];
    const columns = leadViews.map(
      (view) => `count(*) FILTER (WHERE ${viewCondition(view, ctx, p)})::int AS ${view}`,
    );
    const [row]: Record<LeadView, number>[] = await this.db.query(
      `SELECT ${columns.join(', ')} FROM leads l WHERE ${where.join(' AND ')}`,
      p.values,
    );
    const counts = Object.fromEntries(leadViews.map((v) => [v, row?.[v] ?? 0])) as Record<
      LeadView,
      number
    >;
    return { counts };
  }

  private async viewContext(
    user: CurrentUser,
    breachingWithin: number,
    withAfterHours: boolean,
  ): Promise<ViewContext> {
    const [viewer, afterHours] = await Promise.all([
      loadViewer(this.db, user),
      withAfterHours ? this.afterHours.condition() : Promise.resolve(() => 'false'),
    ]);
    return { viewer, breachingWithin, afterHours };
  }

  async detail(id: string, viewer: CurrentUser): Promise<LeadDetail> {
    await this.access.assertCan(viewer, id, 'view');
    const [row]: (LeadRow & {
      external_id: string | null;
      custom_fields: LeadDetail['customFields'];
      context: LeadDetail['context'];
      qualification: LeadDetail['qualification'];
    })[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, l.external_id, l.custom_fields, l.context, l.qualification ${FROM} WHERE l.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`Lead ${id} does not exist`);
    const correction = await loadLatestCorrection(this.db, id);
    const events: {
      id: string;
      type: LeadDetail['timeline'][number]['type'];
      occurred_at: Date;
      step_id: string | null;
      actor_type: 'system' | 'user' | 'source';
      actor_id: string | null;
      actor_name: string | null;
      data: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT e.id::text, e.type, e.occurred_at, e.step_id, e.actor_type, e.actor_id,
              coalesce(u.name, s.name) AS actor_name, e.data
       FROM lead_events e
       LEFT JOIN users u ON e.actor_type = 'user' AND u.id = e.actor_id
       LEFT JOIN sources s ON e.actor_type = 'source' AND s.id = e.actor_id
       WHERE e.lead_id = $1 ORDER BY e.occurred_at, e.id`,
      [id],
    );
    return {
      ...toSummary(row),
      externalId: row.external_id,
      customFields: row.custom_fields,
      context: row.context,
      qualification: row.qualification,
      qualificationCorrection: correction,
      workflowId: leadWorkflowId(row.id),
      timeline: events.map((e) => ({
        id: e.id,
        type: e.type,
        occurredAt: e.occurred_at.toISOString(),
        stepId: e.step_id,
        actor: { type: e.actor_type, id: e.actor_id, name: e.actor_name },
        summary: summarizeEvent(e.type, e.data, e.actor_name),
        data: e.data,
      })),
    };
  }
}
