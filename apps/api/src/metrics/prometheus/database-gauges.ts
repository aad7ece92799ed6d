import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { DataSource } from '@baton/db';
import { MetricsClock } from '../metrics-clock';
import { type LiveGaugesRow, liveGaugesQuery } from '../queries/live-gauges.query';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

/** Scrapes within this long share one database round trip. */
export const GAUGE_CACHE_MS = 5_000;

/**
 * Gauges read from the database when Prometheus scrapes (the intake and the workflows write the
 * leads; counting them here keeps one source of truth). One query feeds all of them, cached for
 * GAUGE_CACHE_MS, so scrapes from several Prometheus replicas stay cheap.
 */
@Injectable()
export class DatabaseGauges {
  private readonly logger = new Logger(DatabaseGauges.name);
  private cached: { at: number; snapshot: Promise<LiveGaugesRow | null> } | null = null;

  constructor(
    @Inject(PROMETHEUS_REGISTRY) registry: Registry,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MetricsClock) private readonly clock: MetricsClock,
  ) {
    const gauge = (
      name: string,
      help: string,
      read: (row: LiveGaugesRow | null) => number | null,
    ) => {
      const snapshot = () => this.snapshot();
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          const value = read(await snapshot());
          if (value === null) this.reset();
          else this.set(value);
        },
      });
    };
    gauge(
      'baton_metrics_database_up',
      '1 when the gauges below could be read from the database',
      (r) => (r ? 1 : 0),
    );
    gauge(
      'baton_leads_awaiting_contact',
      'Open leads (new, routed, assigned, unhandled) with no first contact yet',
      (r) => r?.awaiting ?? null,
    );
    gauge(
      'baton_leads_sla_breached',
      'Leads awaiting contact whose SLA deadline has passed',
      (r) => r?.sla_breached ?? null,
    );
    gauge(
      'baton_leads_oldest_awaiting_contact_seconds',
      'Age of the oldest lead awaiting contact (0 when none)',
      (r) => (r ? (r.oldest_awaiting ?? 0) : null),
    );
    gauge(
      'baton_workflow_start_backlog',
      'Leads stored whose handoff workflow has not started yet (workflow_starts rows)',
      (r) => r?.backlog ?? null,
    );
    gauge(
      'baton_workflow_start_oldest_age_seconds',
      'Age of the oldest pending workflow start (0 when none)',
      (r) => (r ? (r.oldest_start ?? 0) : null),
    );
  }

  /** The current figures, from cache when fresh; null when the database did not answer. */
  snapshot(): Promise<LiveGaugesRow | null> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < GAUGE_CACHE_MS) return this.cached.snapshot;
    const q = liveGaugesQuery(this.clock.now());
    const snapshot = this.db
      .query(q.text, q.values)
      .then((rows: LiveGaugesRow[]) => rows[0] ?? null)
      .catch((err: unknown) => {
        this.logger.warn(
          `Could not read the lead gauges: ${err instanceof Error ? err.message : String(err)}`,
        );
        return null;
      });
    this.cached = { at: now, snapshot };
    return snapshot;
  }
}
