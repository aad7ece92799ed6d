import { secretVariableName } from '@baton/activity-sdk';
import type { SecretResolver } from '../activities/activity-ports';

/**
 * Webhook signing secrets live in the worker's environment, never in flows:
 * secret "crm-key" is read from BATON_SECRET_CRM_KEY.
 */
export const envSecrets =
  (env: NodeJS.ProcessEnv): SecretResolver =>
  (name) =>
    env[secretVariableName(name)] || undefined;
