import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type {
  CurrentUser,
  LeadDetail,
  LeadList,
  LeadListQuery,
  LeadSummary,
} from '@baton/api-contract';
import { DataSource, OPEN_LEAD_STATUSES } from '@baton/db';
import { leadWorkflowId } from '@baton/workflows/contract';
import { loadLatestCorrection } from './corrections/qualification-correction.query';
import { summarizeEvent } from './event-summary';
import { LeadAccessService } from './lead-access.service';
import { decodeKeysetCursor, keysetPage } from '../http/keyset-cursor';

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
  source_id: string;
  source_name: string;
  source_slug: string;
  owner_id: string | null;
  owner_name: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SUMMARY_COLUMNS = `l.id, l.name, l.email, l.phone, l.company, l.message, l.status, l.received_at,
  l.first_response_at, l.assigned_at, l.first_contact_at, s.id AS source_id, s.name AS source_name,
  s.slug AS source_slug, u.id AS owner_id, u.name AS owner_name`;

const CURSOR_AT = `to_char(l.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

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
  };
}

@Injectable()
export class LeadReadService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(LeadAccessService) private readonly access: LeadAccessService,
  ) {}

  async list(query: LeadListQuery, viewer: CurrentUser): Promise<LeadList> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql.replace(/\$(\d+)/g, (_, n: string) => `$${params.length + Number(n)}`));
      params.push(...values);
    };
    const visible = await this.access.visibleLeads(viewer);
    add(visible.sql, ...visible.values);
    if (query.status) add('l.status = $1', query.status);
    if (query.owner) add('l.owner_id = $1', query.owner === 'me' ? viewer.id : query.owner);
    if (query.teamId) add('l.team_id = $1', query.teamId);
    if (query.sourceId) add('l.source_id = $1', query.sourceId);
    if (query.unassigned === true) add('l.owner_id IS NULL');
    if (query.breaching === true) {
      add(
        `l.sla_due_at < now() AND l.first_contact_at IS NULL AND l.status = ANY($1)`,
        OPEN_LEAD_STATUSES,
      );
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add('(l.name ILIKE $1 OR l.email ILIKE $1 OR l.company ILIKE $1 OR l.phone ILIKE $1)', like);
    }
    if (query.cursor) {
      const c = decodeKeysetCursor(query.cursor);
      add('(l.received_at, l.id) < ($1::timestamptz, $2::uuid)', c.at, c.id);
    }
    // The cursor carries received_at to the microsecond, as PostgreSQL keeps it (see keyset-cursor).
    const rows: (LeadRow & { cursor_at: string })[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, ${CURSOR_AT} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY l.received_at DESC, l.id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    return keysetPage(rows, query.limit, toSummary);
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
