import type { DataSource } from '@baton/db';
import type { EmailSender, WebhookSender } from '@baton/notify';
import type { LeadQualifier, Qualifier } from '@baton/qualify';
import type { PluginActivities } from '../plugins/load-plugins';

/** Behaviour switches for repeated SLA breaches. */
export interface BreachPolicy {
  /** Flag a rep after this many breaches within `windowDays`. */
  flagAfter: number;
  windowDays: number;
  /** Also set a flagged rep to "away" so routing skips them until a manager looks. */
  setAway: boolean;
}

/** Named signing secrets for webhooks (flows store only the name; the value lives in env). */
export type SecretResolver = (name: string) => string | undefined;

/** Everything the activities touch outside themselves, injected so tests can supply their own. */
export interface ActivityPorts {
  dataSource: DataSource;
  /** Model and fallback in one (the qualifyLead activity of workflows before the model queue). */
  qualifier: LeadQualifier;
  /**
   * The model alone, for the model task queue: throws QualifierUnavailableError when it cannot
   * answer. null when no model is configured (every lead then gets the heuristic, with that reason).
   */
  model: Qualifier | null;
  email: Pick<EmailSender, 'send'>;
  webhook: WebhookSender;
  secrets: SecretResolver;
  /** Base URL of the web app, for links in notifications. */
  publicUrl: string;
  breachPolicy?: BreachPolicy;
  /** Activities from BATON_PLUGINS, by name; none when unset. */
  plugins?: PluginActivities;
  /** The outbound HTTP rules plugin activities get (the webhook sender's). */
  pluginHttp?: { allowPrivateNetworks: boolean; timeoutMs: number };
}
