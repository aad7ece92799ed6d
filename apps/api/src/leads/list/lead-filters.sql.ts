import type { LeadViewCountsQuery } from '@baton/api-contract';
import { OPEN_LEAD_STATUSES } from '@baton/db';
import type { SqlParams } from '../../metrics/queries/sql-query';

/** A condition numbered from $1 (as lead-visibility.rule writes them), rebound into `p`. */
export function rebind(condition: { sql: string; values: unknown[] }, p: SqlParams): string {
  const refs = condition.values.map((v) => p.add(v));
  return condition.sql.replace(/\$(\d+)/g, (_, n: string) => refs[Number(n) - 1] ?? '');
}

/** The inbox's filters (shared by the list and its view counts) as conditions on `leads l`. */
export function filterConditions(
  query: LeadViewCountsQuery,
  viewerId: string,
  p: SqlParams,
): string[] {
  const where: string[] = [];
  if (query.status) where.push(`l.status = ${p.add(query.status)}`);
  if (query.owner)
    where.push(`l.owner_id = ${p.add(query.owner === 'me' ? viewerId : query.owner, 'uuid')}`);
  if (query.teamId) where.push(`l.team_id = ${p.add(query.teamId, 'uuid')}`);
  if (query.sourceId) where.push(`l.source_id = ${p.add(query.sourceId, 'uuid')}`);
  if (query.unassigned === true) where.push('l.owner_id IS NULL');
  if (query.breaching === true) {
    where.push(
      `l.sla_due_at < now() AND l.first_contact_at IS NULL AND l.status = ANY(${p.add(OPEN_LEAD_STATUSES, 'text[]')})`,
    );
  }
  if (query.q) {
    const like = p.add(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(
      `(l.name ILIKE ${like} OR l.email ILIKE ${like} OR l.company ILIKE ${like} OR l.phone ILIKE ${like})`,
    );
  }
  return where;
}
