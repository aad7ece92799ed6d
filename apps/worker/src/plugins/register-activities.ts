import { describeActivity } from '@baton/activity-sdk';
import type { EntityManager } from '@baton/db';
import type { PluginActivities } from './load-plugins';

/** Tells the API what this worker can run (palette, forms, publish checks): one row per activity. */
export async function registerActivities(
  db: Pick<EntityManager, 'query'>,
  plugins: PluginActivities,
): Promise<void> {
  for (const { activity, plugin } of plugins.values()) {
    const d = describeActivity(activity, plugin);
    await db.query(
      `INSERT INTO worker_activities
         (name, version, title, description, category, handles, input_schema, output_schema,
          plugin_name, plugin_version, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (name) DO UPDATE SET
         version = EXCLUDED.version, title = EXCLUDED.title, description = EXCLUDED.description,
         category = EXCLUDED.category, handles = EXCLUDED.handles,
         input_schema = EXCLUDED.input_schema, output_schema = EXCLUDED.output_schema,
         plugin_name = EXCLUDED.plugin_name, plugin_version = EXCLUDED.plugin_version,
         last_seen_at = now()`,
      [
        d.name,
        d.version,
        d.title,
        d.description,
        d.category,
        d.handles,
        JSON.stringify(d.inputSchema),
        JSON.stringify(d.outputSchema),
        d.plugin.name,
        d.plugin.version,
      ],
    );
  }
}
