import type { EntityManager } from '@baton/db';
import type { BacktestLead } from '@baton/flow';

type Queryable = Pick<EntityManager, 'query'>;

const COLUMNS = `l.id, l.name, l.email, l.phone, l.company, l.message, l.custom_fields, l.context,
  l.qualification, l.received_at, s.name AS source_name, s.slug AS source_slug`;

/*
 * "The last N real leads" of a flow, as an ops manager means it: leads that came through it,
 * i.e. pinned to any of its versions, plus leads from a source that feeds it now (a source
 * re-pointed here brings its history: those are the leads this flow will get). Newest first.
 * A flow no lead has reached yet (just published, no source) falls back to the install's
 * newest leads from any source, and says so, rather than comparing nothing.
 */
const FLOW_LEADS_SQL = `
SELECT ${COLUMNS}
FROM leads l JOIN sources s ON s.id = l.source_id
WHERE l.flow_version_id IN (SELECT id FROM flow_versions WHERE flow_id = $1) OR s.flow_id = $1
ORDER BY l.received_at DESC, l.id DESC
LIMIT $2`;

const ALL_LEADS_SQL = `
SELECT ${COLUMNS}
FROM leads l JOIN sources s ON s.id = l.source_id
ORDER BY l.received_at DESC, l.id DESC
LIMIT $1`;

interface LeadRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  message: string | null;
  custom_fields: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  qualification: Record<string, unknown> | null;
  received_at: Date;
  source_name: string;
  source_slug: string;
}

export interface LoadedBacktestLeads {
  leadsFrom: 'flow' | 'all';
  leads: (BacktestLead & { name: string })[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The facts exactly as the worker's loadLeadFacts builds them, so conditions read the same. */
function toBacktestLead(r: LeadRow): BacktestLead & { name: string } {
  return {
    id: r.id,
    name: r.name,
    receivedAt: r.received_at,
    lead: {
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      company: r.company,
      message: r.message,
      customFields: r.custom_fields,
      receivedAt: r.received_at.toISOString(),
      source: { name: r.source_name, slug: r.source_slug },
    },
    // Not qualified (yet): the qualify step finds no score, as a simulation without one does.
    qualification: isObject(r.qualification) ? r.qualification : {},
    context: isObject(r.context) ? r.context : {},
  };
}

export async function loadBacktestLeads(
  db: Queryable,
  flowId: string,
  limit: number,
): Promise<LoadedBacktestLeads> {
  const own = (await db.query(FLOW_LEADS_SQL, [flowId, limit])) as LeadRow[];
  if (own.length > 0) return { leadsFrom: 'flow', leads: own.map(toBacktestLead) };
  const all = (await db.query(ALL_LEADS_SQL, [limit])) as LeadRow[];
  return { leadsFrom: 'all', leads: all.map(toBacktestLead) };
}
