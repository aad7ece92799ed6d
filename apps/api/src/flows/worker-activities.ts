import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { EntityManager } from '@baton/db';
import type { FlowGraph, GraphProblem } from '@baton/flow';

type Queryable = Pick<EntityManager, 'query'>;

/** A plugin activity some worker registered at start (table worker_activities). */
export interface RegisteredActivity {
  name: string;
  version: string;
  title: string;
  description: string;
  category: string;
  handles: string[];
  inputSchema: Record<string, unknown>;
  plugin: { name: string; version: string };
}

export async function loadWorkerActivities(db: Queryable): Promise<RegisteredActivity[]> {
  const rows = (await db.query(
    `SELECT name, version, title, description, category, handles, input_schema,
            plugin_name, plugin_version
     FROM worker_activities ORDER BY category, title`,
  )) as Record<string, unknown>[];
  return rows.map((r) => ({
    name: r['name'] as string,
    version: r['version'] as string,
    title: r['title'] as string,
    description: r['description'] as string,
    category: r['category'] as string,
    handles: r['handles'] as string[],
    inputSchema: r['input_schema'] as Record<string, unknown>,
    plugin: { name: r['plugin_name'] as string, version: r['plugin_version'] as string },
  }));
}

// zod writes JSON Schema 2020-12 (with formats like uri and email), what this Ajv speaks.
const ajv = addFormats(new Ajv2020({ allErrors: true }));
const compiled = new Map<string, ValidateFunction>();
const validatorFor = (activity: RegisteredActivity) => {
  // Keyed by the schema itself: a re-registered activity may change it without a new version.
  const key = JSON.stringify(activity.inputSchema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(activity.inputSchema);
    compiled.set(key, validate);
  }
  return validate;
};

const fieldOf = (error: ErrorObject) => {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const at = error.instancePath.split('/').filter(Boolean).join('.');
  return ['input', at, missing].filter(Boolean).join('.');
};

/**
 * What a flow's custom steps need from the workers: each names a registered activity at the
 * same version, with input its schema accepts. Returns the problems and the plugins used.
 */
export function checkCustomSteps(
  graph: FlowGraph,
  registered: readonly RegisteredActivity[],
): { problems: GraphProblem[]; pluginVersions: Record<string, string> } {
  const byName = new Map(registered.map((a) => [a.name, a]));
  const problems: GraphProblem[] = [];
  const pluginVersions: Record<string, string> = {};
  for (const node of graph.nodes) {
    if (node.type !== 'custom') continue;
    const config = (node.data.config ?? {}) as {
      activity?: string;
      version?: string;
      input?: unknown;
    };
    const activity = config.activity ? byName.get(config.activity) : undefined;
    if (!activity) {
      problems.push({
        code: 'unknown_reference',
        nodeId: node.id,
        field: 'activity',
        message: `No worker has registered activity "${config.activity ?? ''}": install its plugin on a worker (BATON_PLUGINS) and restart it`,
      });
      continue;
    }
    if (activity.version !== config.version) {
      problems.push({
        code: 'unknown_reference',
        nodeId: node.id,
        field: 'version',
        message: `The step uses ${activity.name} version ${config.version ?? ''}, but the workers have version ${activity.version}`,
      });
      continue;
    }
    const validate = validatorFor(activity);
    if (!validate(config.input ?? {})) {
      for (const error of validate.errors ?? []) {
        const field = fieldOf(error);
        problems.push({
          code: 'invalid_config',
          nodeId: node.id,
          field,
          message: `${field}: ${error.message ?? 'is invalid'}`,
        });
      }
    }
    pluginVersions[activity.plugin.name] = activity.plugin.version;
  }
  return { problems, pluginVersions };
}
