import { Inject, Injectable } from '@nestjs/common';
import type { SmtpStatus } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DevMailCapture } from '../dev-mail/dev-mail-capture.service';

/** host:port of an SMTP_URL, never its user or password; null when it is no URL. */
export function smtpHost(smtpUrl: string): string | null {
  try {
    const url = new URL(smtpUrl);
    return url.host || null;
  } catch {
    return null;
  }
}

/**
 * Outgoing mail: the relay (SMTP_URL) or the local capture, when an email notify step last
 * delivered and when one last failed. Both come from the lead timeline the worker writes.
 */
@Injectable()
export class MailStatusService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(DevMailCapture) private readonly capture: DevMailCapture,
  ) {}

  async read(): Promise<SmtpStatus> {
    const [delivery, failure] = await Promise.all([this.lastDelivery(), this.lastFailure()]);
    const configured = Boolean(this.config.SMTP_URL);
    const failedSince = failure && (!delivery || failure.at > delivery.at);
    return {
      state: !configured ? 'not_configured' : failedSince ? 'attention' : 'ok',
      configured,
      host: this.config.SMTP_URL ? smtpHost(this.config.SMTP_URL) : null,
      capturing: this.capture.enabled,
      lastDeliveryAt: delivery?.at.toISOString() ?? null,
      lastFailure: failure ? { at: failure.at.toISOString(), message: failure.message } : null,
    };
  }

  /** The latest notify step that sent at least one email. */
  private async lastDelivery(): Promise<{ at: Date } | null> {
    const [row] = (await this.db.query(
      `SELECT occurred_at AS at FROM lead_events
       WHERE type IN ('notified', 'auto_replied') AND data->>'channel' = 'email'
         AND jsonb_typeof(data->'delivered') = 'number' AND (data->>'delivered')::numeric > 0
       ORDER BY id DESC LIMIT 1`,
    )) as { at: Date }[];
    return row ?? null;
  }

  /**
   * The latest error on a step of an email notify node: the step id (`<node>#<visit>`, with
   * `:failing` while it still retries) names the node in the lead's pinned flow version.
   */
  private async lastFailure(): Promise<{ at: Date; message: string } | null> {
    const [row] = (await this.db.query(
      `SELECT e.occurred_at AS at, coalesce(e.data->>'message', 'The email step failed') AS message
       FROM lead_events e
       JOIN leads l ON l.id = e.lead_id
       JOIN flow_versions v ON v.id = l.flow_version_id
       WHERE e.type = 'error' AND e.step_id IS NOT NULL
         AND EXISTS (
           SELECT 1 FROM jsonb_array_elements(v.graph->'nodes') n
           WHERE n->>'id' = split_part(e.step_id, '#', 1)
             AND n->>'type' = 'notify' AND n->'data'->'config'->>'channel' = 'email')
       ORDER BY e.id DESC LIMIT 1`,
    )) as { at: Date; message: string }[];
    return row ?? null;
  }
}
