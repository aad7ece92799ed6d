import { Inject, Injectable } from '@nestjs/common';
import type { ModelStatus } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { probeModel } from '@baton/qualify';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The status page waits this long for Ollama: a slower one needs attention anyway. */
const MODEL_PROBE_TIMEOUT_MS = 1_500;
/** How many of the latest qualifications say whether the model or the heuristic is scoring. */
const RECENT_QUALIFICATIONS = 20;

interface QualifiedRow {
  at: Date;
  method: string | null;
  model: string | null;
  latencyMs: number | null;
  fallbackReason: string | null;
}

/** The qualifier's model as the worker is told to use it (same OLLAMA_* settings), and how it did lately. */
@Injectable()
export class ModelStatusService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async read(): Promise<ModelStatus> {
    const host = this.config.OLLAMA_HOST ?? null;
    const model = this.config.OLLAMA_MODEL;
    const [probe, recent] = await Promise.all([
      host ? probeModel({ host, model, timeoutMs: MODEL_PROBE_TIMEOUT_MS }) : null,
      this.recentQualifications(),
    ]);
    const [latest] = recent;
    return {
      state: !probe ? 'not_configured' : probe.present ? 'ok' : 'attention',
      configured: host !== null,
      host,
      model,
      reachable: probe?.reachable ?? null,
      modelPresent: probe?.reachable ? probe.present : null,
      detail: probe ? (probe.detail ?? null) : 'OLLAMA_HOST is not set',
      pullCommand: probe?.reachable && !probe.present ? `ollama pull ${model}` : null,
      lastQualification: latest
        ? {
            at: latest.at.toISOString(),
            method: latest.method === 'llm' ? 'llm' : 'heuristic',
            model: latest.model,
            latencyMs: latest.latencyMs,
            fallbackReason: latest.fallbackReason,
          }
        : null,
      recent: {
        total: recent.length,
        heuristic: recent.filter((r) => r.method !== 'llm').length,
      },
    };
  }

  /** The latest `qualified` events: newest first (lead_events ids only grow). */
  private recentQualifications(): Promise<QualifiedRow[]> {
    return this.db.query(
      `SELECT occurred_at AS at, data->>'method' AS method, data->>'model' AS model,
              CASE WHEN jsonb_typeof(data->'latencyMs') = 'number' THEN (data->>'latencyMs')::float8 END AS "latencyMs",
              data->>'fallbackReason' AS "fallbackReason"
       FROM lead_events WHERE type = 'qualified' ORDER BY id DESC LIMIT $1`,
      [RECENT_QUALIFICATIONS],
    );
  }
}
