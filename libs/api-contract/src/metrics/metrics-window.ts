import { z } from 'zod';

export const METRICS_DEFAULT_WINDOW_DAYS = 30;
export const METRICS_MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

export const metricsGroupBys = ['none', 'team', 'rep', 'source'] as const;
export const metricsGroupBySchema = z.enum(metricsGroupBys);
export type MetricsGroupBy = z.infer<typeof metricsGroupBySchema>;

/**
 * The window is half-open on the lead's received time: from <= received_at < to. `to` defaults
 * to now, `from` to 30 days before `to`.
 */
export function resolveMetricsWindow(
  q: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from
    ? new Date(q.from)
    : new Date(to.getTime() - METRICS_DEFAULT_WINDOW_DAYS * DAY_MS);
  return { from, to };
}

/** Why a window cannot be served, or null when it can. */
export function metricsWindowProblem(window: {
  from: Date;
  to: Date;
}): { path: 'from' | 'to'; message: string } | null {
  if (window.to.getTime() <= window.from.getTime())
    return { path: 'to', message: 'to must be after from' };
  if (window.to.getTime() - window.from.getTime() > METRICS_MAX_WINDOW_DAYS * DAY_MS)
    return {
      path: 'from',
      message: `the window from..to may span at most ${METRICS_MAX_WINDOW_DAYS} days`,
    };
  return null;
}

const isoInstant = z.iso.datetime({
  offset: true,
  message: 'use an ISO 8601 date-time with a zone, e.g. 2026-03-01T00:00:00Z',
});

/** Query fields every metrics endpoint shares: the window and the scope. */
export const metricsWindowFields = {
  from: isoInstant.optional(),
  to: isoInstant.optional(),
};

export const metricsScopeFields = {
  groupBy: metricsGroupBySchema.default('none'),
  teamId: z.uuid('teamId must be a team id (uuid)').optional(),
  sourceId: z.uuid('sourceId must be a source id (uuid)').optional(),
};

export const metricsFiltersSchema = z.object({
  teamId: z.uuid().nullable(),
  sourceId: z.uuid().nullable(),
  /** Set when the figures are one rep's own (a rep always gets only their own leads). */
  ownerId: z.uuid().nullable(),
});
export type MetricsFilters = z.infer<typeof metricsFiltersSchema>;

/** A row's group: a team, a rep (owner) or a source; id null = no team / unassigned. */
export const metricsGroupSchema = z.object({ id: z.uuid().nullable(), name: z.string() });
export type MetricsGroup = z.infer<typeof metricsGroupSchema>;
