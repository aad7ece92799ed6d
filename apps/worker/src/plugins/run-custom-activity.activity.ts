import { Context, ApplicationFailure, log } from '@temporalio/activity';
import {
  createGuardedHttpClient,
  secretVariableName,
  type ActivityContext,
  type ActivityLead,
} from '@baton/activity-sdk';
import type { DataSource } from '@baton/db';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { SecretResolver } from '../activities/activity-ports';
import { loadLeadFacts } from '../activities/support/lead-facts';
import { appendLeadEvent } from '../activities/support/lead-events';
import { recordAfterDelivery } from '../activities/support/record-after-delivery';
import type { PluginActivities } from './load-plugins';

export interface CustomActivityPorts {
  dataSource: DataSource;
  plugins: PluginActivities;
  secrets: SecretResolver;
  /** The worker's SSRF setting (WEBHOOK_ALLOW_PRIVATE_NETWORKS) and default timeout. */
  http: { allowPrivateNetworks: boolean; timeoutMs: number };
}

// A flow that names what this worker cannot run never gets better by retrying.
const permanent = (type: string, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });

async function loadActivityLead(db: DataSource, leadId: string): Promise<ActivityLead> {
  const facts = await loadLeadFacts(db, leadId);
  const [row] = (await db.query(`SELECT owner_id FROM leads WHERE id = $1`, [leadId])) as {
    owner_id: string | null;
  }[];
  return {
    ...(facts.lead as unknown as Omit<ActivityLead, 'qualification' | 'ownerId'>),
    qualification: facts.qualification,
    ownerId: row?.owner_id ?? null,
  };
}

/** Runs a plugin's activity for one `custom` step: checks its input, gives it the context. */
export const runCustomActivity =
  (ports: CustomActivityPorts): HandoffActivities['runCustomActivity'] =>
  async ({ leadId, stepId, activity: name, version, input }) => {
    const loaded = ports.plugins.get(name);
    if (!loaded) {
      throw permanent(
        'CustomActivityMissing',
        `No plugin on this worker provides activity "${name}" (check BATON_PLUGINS)`,
      );
    }
    const { activity, plugin } = loaded;
    if (activity.version !== version) {
      throw permanent(
        'CustomActivityVersionMismatch',
        `The flow uses ${name} version ${version}, but this worker has version ${activity.version} (plugin ${plugin.name}@${plugin.version})`,
      );
    }
    const parsed = activity.input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
        .join('; ');
      throw permanent('InvalidStepConfig', `Input for ${name} is invalid: ${issues}`);
    }
    const idempotencyKey = `${leadId}:${stepId}`;
    const context: ActivityContext = {
      lead: await loadActivityLead(ports.dataSource, leadId),
      logger: {
        info: (message, attributes) => log.info(message, { activity: name, ...attributes }),
        warn: (message, attributes) => log.warn(message, { activity: name, ...attributes }),
        error: (message, attributes) => log.error(message, { activity: name, ...attributes }),
      },
      secrets: {
        get: (secret) => ports.secrets(secret),
        require(secret) {
          const value = ports.secrets(secret);
          if (!value) {
            throw permanent(
              'MissingSecret',
              `${name} needs the secret "${secret}": set ${secretVariableName(secret)} on the worker`,
            );
          }
          return value;
        },
      },
      http: createGuardedHttpClient({
        allowPrivateNetworks: ports.http.allowPrivateNetworks,
        defaultTimeoutMs: ports.http.timeoutMs,
        idempotencyKey,
      }),
      idempotencyKey,
      signal: Context.current().cancellationSignal,
    };
    const result = await activity.run(parsed.data, context);
    await recordAfterDelivery(() =>
      appendLeadEvent(ports.dataSource, {
        leadId,
        stepId,
        type: 'notified',
        data: {
          channel: 'custom',
          activity: name,
          version,
          plugin: `${plugin.name}@${plugin.version}`,
          handle: result.handle,
        },
      }),
    );
    return { handle: result.handle ?? 'ok', output: result.output };
  };
