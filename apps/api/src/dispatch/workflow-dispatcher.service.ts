import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from '@baton/db';
import {
  LEAD_HANDOFF_WORKFLOW,
  type LeadHandoffInput,
  leadWorkflowId,
} from '@baton/workflows/contract';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { clipText, storableText } from '@baton/text';

const BATCH = 50;
/** How long kicks are gathered into one batch. */
const KICK_BATCH_MS = 5;
const START_CONCURRENCY = 10;
/**
 * A claimed marker is invisible to other dispatchers (other API replicas) for this long: after an
 * API process dies mid-start, its leads wait at most this long. A start takes milliseconds, and
 * one that outlives the lease is harmless (the workflow id makes a second start a no-op).
 */
const LEASE_SECONDS = 10;

/**
 * Turns "start pending" markers into running workflows. Intake kicks it for each new lead; a
 * periodic sweep catches everything else (Temporal was down, the API restarted mid-way, another
 * replica died). Starting is idempotent: the workflow id is derived from the lead id.
 */
@Injectable()
export class WorkflowDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private sweeping = false;
  private readonly kicked = new Set<string>();
  private kickTimer: NodeJS.Timeout | null = null;
  private temporalWasDown = false;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.track(this.sweep()), this.config.DISPATCH_INTERVAL_MS);
    this.timer.unref();
    this.track(this.sweep());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // Kicked leads not yet claimed keep their markers: the next sweep (any replica) starts them.
    if (this.kickTimer) clearTimeout(this.kickTimer);
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Try to start this lead's workflow now, without making the caller wait. Kicks arriving within
   * a few milliseconds are handled together: one claim and one bookkeeping query per batch
   * instead of per lead keeps intake cheap under load.
   */
  kick(leadId: string): void {
    this.kicked.add(leadId);
    this.kickTimer ??= setTimeout(() => {
      this.kickTimer = null;
      const ids = [...this.kicked];
      this.kicked.clear();
      this.track(this.startClaimed(ids));
    }, KICK_BATCH_MS);
  }

  /** Starts every due marker; returns how many workflows were started. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      let started = 0;
      for (;;) {
        // For UPDATE … RETURNING, TypeORM answers [rows, affectedCount].
        const [rows]: [{ lead_id: string }[], number] = await this.db.query(
          `UPDATE workflow_starts SET next_attempt_at = now() + make_interval(secs => $2)
           WHERE lead_id IN (SELECT lead_id FROM workflow_starts WHERE next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING lead_id`,
          [BATCH, LEASE_SECONDS],
        );
        if (rows.length === 0) return started;
        started += await this.start(rows.map((r) => r.lead_id));
        if (rows.length < BATCH || this.temporalWasDown) return started;
      }
    } finally {
      this.sweeping = false;
    }
  }

  private async startClaimed(leadIds: string[]): Promise<number> {
    // Claim first so a concurrent sweep skips these markers.
    const [rows]: [{ lead_id: string }[], number] = await this.db.query(
      `UPDATE workflow_starts SET next_attempt_at = now() + make_interval(secs => $2)
       WHERE lead_id = ANY($1::uuid[]) AND next_attempt_at <= now() + interval '1 second' RETURNING lead_id`,
      [leadIds, LEASE_SECONDS],
    );
    return rows.length ? this.start(rows.map((r) => r.lead_id)) : 0;
  }

  private async start(leadIds: string[]): Promise<number> {
    const done: string[] = [];
    let started = 0;
    // A few starts in flight at once: each is one round trip to Temporal.
    for (let i = 0; i < leadIds.length; i += START_CONCURRENCY) {
      await Promise.all(
        leadIds.slice(i, i + START_CONCURRENCY).map(async (leadId) => {
          try {
            const client = await this.temporal.client();
            const args: [LeadHandoffInput] = [{ leadId }];
            await client.workflow.start(LEAD_HANDOFF_WORKFLOW, {
              taskQueue: this.temporal.taskQueue,
              workflowId: leadWorkflowId(leadId),
              // A finished lead must never be started again by a late retry.
              workflowIdReusePolicy: 'REJECT_DUPLICATE',
              args,
            });
            done.push(leadId);
            started++;
          } catch (err) {
            if (err instanceof WorkflowExecutionAlreadyStartedError) done.push(leadId);
            else await this.markFailed(leadId, err);
          }
        }),
      );
    }
    if (done.length > 0) await this.markStarted(done);
    if (started > 0 && this.temporalWasDown) {
      this.logger.log('Temporal is reachable again; pending leads are starting');
      this.temporalWasDown = false;
    }
    return started;
  }

  private async markStarted(leadIds: string[]): Promise<void> {
    // One statement: drop the markers and stamp the leads.
    await this.db.query(
      `WITH started AS (DELETE FROM workflow_starts WHERE lead_id = ANY($1::uuid[]) RETURNING lead_id)
       UPDATE leads SET workflow_started_at = coalesce(workflow_started_at, now())
       WHERE id IN (SELECT lead_id FROM started)`,
      [leadIds],
    );
  }

  private async markFailed(leadId: string, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    if (!this.temporalWasDown) {
      this.logger.warn(
        `Cannot start workflows yet (${message}); leads are stored and will start when Temporal is back`,
      );
      this.temporalWasDown = true;
    }
    // Back off per lead: 2s, 4s, 8s … capped at one minute.
    await this.db.query(
      `UPDATE workflow_starts SET attempts = attempts + 1, last_error = $2,
         next_attempt_at = now() + make_interval(secs => least(60, power(2, least(attempts + 1, 6))))
       WHERE lead_id = $1`,
      [leadId, storableText(clipText(message, 1000))],
    );
  }

  private track(p: Promise<unknown>): void {
    const tracked = p
      .catch((err: unknown) =>
        this.logger.error(`Dispatch failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
