import type { LeadSourceContext, QualificationClass } from '@baton/api-contract';
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** What the qualifier reads about a lead; the same shape as libs/qualify's QualifyInput. */
export interface CorrectedLeadInput {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  message: string | null;
  customFields: Record<string, string | number | boolean | null>;
  context: LeadSourceContext;
}

/** One labelled lead: its latest correction and what a qualifier would be given. */
export interface CorrectedLead {
  leadId: string;
  sourceId: string;
  teamId: string | null;
  /** The flow version the lead is pinned to (its qualify node holds the business profile). */
  flowVersionId: string | null;
  correction: {
    id: string;
    class: QualificationClass;
    note: string | null;
    correctedById: string;
    correctedAt: Date;
    /** The qualification the person disagreed with; null if the lead had none yet. */
    qualification: Record<string, unknown> | null;
  };
  input: CorrectedLeadInput;
}

export interface CorrectedLeadsFilter {
  /** Only leads of this team (the lead's own team). */
  teamId?: string;
  /** Only leads from this source. */
  sourceId?: string;
}

/**
 * Every lead a person has corrected, with the latest correction (earlier ones were overruled),
 * oldest correction first so runs over the same data list labels in the same order. This is the
 * label set `eval:qualify --from-db` measures models and profiles against.
 */
export async function loadCorrectedLeads(
  db: Queryable,
  filter: CorrectedLeadsFilter = {},
): Promise<CorrectedLead[]> {
  const rows = (await db.query(
    `SELECT l.id AS lead_id, l.source_id, l.team_id, l.flow_version_id,
            l.name, l.email, l.phone, l.company, l.message, l.custom_fields, l.context,
            c.id AS correction_id, c.class, c.note, c.corrected_by_id, c.created_at, c.qualification
     FROM (
       SELECT DISTINCT ON (lead_id) *
       FROM qualification_corrections
       ORDER BY lead_id, created_at DESC, id DESC
     ) c
     JOIN leads l ON l.id = c.lead_id
     WHERE ($1::uuid IS NULL OR l.team_id = $1) AND ($2::uuid IS NULL OR l.source_id = $2)
     ORDER BY c.created_at, c.id`,
    [filter.teamId ?? null, filter.sourceId ?? null],
  )) as {
    lead_id: string;
    source_id: string;
    team_id: string | null;
    flow_version_id: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    company: string | null;
    message: string | null;
    custom_fields: CorrectedLeadInput['customFields'];
    context: LeadSourceContext;
    correction_id: string;
    class: QualificationClass;
    note: string | null;
    corrected_by_id: string;
    created_at: Date;
    qualification: Record<string, unknown> | null;
  }[];
  return rows.map((r) => ({
    leadId: r.lead_id,
    sourceId: r.source_id,
    teamId: r.team_id,
    flowVersionId: r.flow_version_id,
    correction: {
      id: r.correction_id,
      class: r.class,
      note: r.note,
      correctedById: r.corrected_by_id,
      correctedAt: r.created_at,
      qualification: r.qualification,
    },
    input: {
      name: r.name,
      email: r.email,
      phone: r.phone,
      company: r.company,
      message: r.message,
      customFields: r.custom_fields,
      context: r.context,
    },
  }));
}
