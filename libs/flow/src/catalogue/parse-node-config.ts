import type { z } from 'zod';
import { nodeCatalogue, type NodeConfig, type NodeType } from './node-catalogue';

/**
 * Zod's default for a missing field ("expected string, received undefined") says it backwards;
 * a person wants "required". Everything else keeps its own message.
 */
export const requiredFieldErrors: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')
    ? 'required'
    : undefined;

export type NodeConfigResult<T extends NodeType> =
  { success: true; config: NodeConfig<T> } | { success: false; issues: z.core.$ZodIssue[] };

/**
 * A node's config checked against its type's schema, with defaults filled in. The workflow and
 * the API read configs through this, never straight from the saved JSON.
 */
export function safeParseNodeConfig<T extends NodeType>(
  type: T,
  config: unknown,
): NodeConfigResult<T> {
  const schema: z.ZodType = nodeCatalogue[type].configSchema;
  const parsed = schema.safeParse(config, { error: requiredFieldErrors });
  // The schema is the one for T, so its output is NodeConfig<T>; TS cannot follow a generic
  // index into the catalogue, hence the one assertion.
  return parsed.success
    ? { success: true, config: parsed.data as NodeConfig<T> }
    : { success: false, issues: parsed.error.issues };
}

/** Like safeParseNodeConfig, but throws an Error naming every problem. */
export function parseNodeConfig<T extends NodeType>(type: T, config: unknown): NodeConfig<T> {
  const result = safeParseNodeConfig(type, config);
  if (result.success) return result.config;
  const problems = result.issues.map(
    (i) => `${i.path.map(String).join('.') || '(config)'}: ${i.message}`,
  );
  throw new Error(`invalid ${type} config: ${problems.join('; ')}`);
}
