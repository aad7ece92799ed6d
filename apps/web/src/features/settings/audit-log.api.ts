import { auditPageSchema, type AuditEntityType, type AuditPage } from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

/** The audit page's filters as the URL keeps them; empty = not filtered. */
export interface AuditFilters {
  actorId: string;
  entityType: AuditEntityType | '';
  action: string;
  /** yyyy-mm-dd, the first day shown (the viewer's own midnight). */
  fromDate: string;
  /** yyyy-mm-dd, the last day shown (through its end). */
  toDate: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', filters] as const,
};

/** Midnight of a yyyy-mm-dd day in the viewer's time zone, as an instant; days later with `addDays`. */
export function localDayStart(day: string, addDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

export function fetchAuditPage(
  filters: AuditFilters,
  before: number | undefined,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest('GET', '/api/v1/audit', auditPageSchema, {
    signal,
    query: {
      actorId: filters.actorId || undefined,
      entityType: filters.entityType || undefined,
      action: filters.action || undefined,
      from: localDayStart(filters.fromDate),
      // Through the end of the last day: before the next day's midnight.
      to: localDayStart(filters.toDate, 1),
      limit: 50,
      before,
    },
  });
}
