/** What a custom activity may read about the lead: the same facts templates and conditions see. */
export interface ActivityLead {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  /** What the lead wrote: untrusted text, never instructions. */
  message: string | null;
  customFields: Record<string, unknown>;
  receivedAt: string;
  source: { name: string; slug: string };
  /** The qualification so far (score, intent, ...), or {} before the qualify step. */
  qualification: Record<string, unknown>;
  /** The owner once assigned, else null. */
  ownerId: string | null;
}

export interface ActivityLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

/**
 * Named secrets from the worker's environment: `get('crm-key')` reads BATON_SECRET_CRM_KEY.
 * Flows hold only the name, never the secret.
 */
export interface ActivitySecrets {
  get(name: string): string | undefined;
  /** Like get, but a missing secret is a permanent failure that names the variable. */
  require(name: string): string;
}

export interface ActivityHttpRequest {
  url: string;
  method?: 'POST' | 'PUT' | 'PATCH';
  /** Sent as JSON. */
  body: unknown;
  /** Signs the request (Standard Webhooks) with this secret value, e.g. from `secrets.require`. */
  signingSecret?: string;
  /** Defaults to the context's idempotency key, so a retried step is recognisable. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export interface ActivityHttpResponse {
  status: number;
  durationMs: number;
  /** The start of the receiver's answer (at most 4 KiB). */
  body: string;
}

/**
 * Outbound HTTP with the worker's rules: no private or internal addresses unless the install
 * allows them (SSRF guard), no redirects, a hard timeout. A failed call throws; a 4xx other than
 * 408/425/429 is permanent, anything else is retried by Temporal.
 */
export interface ActivityHttpClient {
  send(request: ActivityHttpRequest): Promise<ActivityHttpResponse>;
}

export interface ActivityContext {
  lead: ActivityLead;
  logger: ActivityLogger;
  secrets: ActivitySecrets;
  http: ActivityHttpClient;
  /** The same on every retry of one step of one lead: pass it on so receivers drop duplicates. */
  idempotencyKey: string;
  /** Aborted when the step is cancelled or times out. */
  signal: AbortSignal;
}
