import type { FlowVersionSummary } from '@baton/api-contract';

/** A flow_versions row joined with its publisher, as the read queries select it. */
export interface VersionRow {
  id: string;
  version: number;
  published_at: Date;
  published_by_id: string | null;
  published_by_name: string | null;
  note: string | null;
  current: boolean;
}

export const VERSION_COLUMNS = `v.id, v.version, v.published_at, v.published_by_id,
  pb.name AS published_by_name, v.note, (v.id = f.published_version_id) AS current`;

export const VERSION_JOINS = `JOIN flows f ON f.id = v.flow_id LEFT JOIN users pb ON pb.id = v.published_by_id`;

export function toVersionSummary(r: VersionRow): FlowVersionSummary {
  return {
    id: r.id,
    version: r.version,
    publishedAt: r.published_at.toISOString(),
    publishedBy: r.published_by_id
      ? { id: r.published_by_id, name: r.published_by_name ?? '' }
      : null,
    note: r.note,
    current: r.current,
  };
}
