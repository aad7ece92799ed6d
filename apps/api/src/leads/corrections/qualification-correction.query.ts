import {
  classOfQualification,
  type QualificationClass,
  type QualificationCorrectionView,
} from '@baton/api-contract';
import type { EntityManager } from '@baton/db';

type Queryable = Pick<EntityManager, 'query'>;

interface CorrectionRow {
  id: string;
  class: QualificationClass;
  note: string | null;
  qualification: Record<string, unknown> | null;
  created_at: Date;
  corrected_by_id: string;
  corrected_by_name: string;
}

const SELECT = `SELECT c.id, c.class, c.note, c.qualification, c.created_at, c.corrected_by_id,
    u.name AS corrected_by_name
  FROM qualification_corrections c JOIN users u ON u.id = c.corrected_by_id`;

function toView(r: CorrectionRow): QualificationCorrectionView {
  return {
    id: r.id,
    class: r.class,
    previousClass: classOfQualification(r.qualification),
    note: r.note,
    correctedBy: { id: r.corrected_by_id, name: r.corrected_by_name },
    createdAt: r.created_at.toISOString(),
  };
}

/** The correction that stands for this lead (the latest), or null if nobody corrected it. */
export async function loadLatestCorrection(
  db: Queryable,
  leadId: string,
): Promise<QualificationCorrectionView | null> {
  const [row] = (await db.query(
    `${SELECT} WHERE c.lead_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT 1`,
    [leadId],
  )) as CorrectionRow[];
  return row ? toView(row) : null;
}

/** The correction this person already stored for this lead under this Idempotency-Key. */
export async function findCorrectionByKey(
  db: Queryable,
  leadId: string,
  userId: string,
  key: string,
): Promise<QualificationCorrectionView | null> {
  const [row] = (await db.query(
    `${SELECT} WHERE c.lead_id = $1 AND c.corrected_by_id = $2 AND c.idempotency_key = $3`,
    [leadId, userId, key],
  )) as CorrectionRow[];
  return row ? toView(row) : null;
}
