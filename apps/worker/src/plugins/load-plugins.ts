import path from 'node:path';
import { isBatonPlugin, type AnyActivityDefinition, type BatonPlugin } from '@baton/activity-sdk';

/** A plugin that cannot be loaded: the worker refuses to start, naming it. */
export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';
}

export interface LoadedActivity {
  activity: AnyActivityDefinition;
  plugin: { name: string; version: string };
}

/** The activities of every loaded plugin, by activity name. */
export type PluginActivities = ReadonlyMap<string, LoadedActivity>;

/** `BATON_PLUGINS`: comma-separated npm package names or folder paths. */
export const parsePluginList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

// A folder path is resolved against the working directory; anything else is a package name.
const resolveSpecifier = (entry: string, cwd: string) =>
  entry.startsWith('.') || path.isAbsolute(entry) ? path.resolve(cwd, entry) : entry;

async function loadOne(entry: string, cwd: string): Promise<BatonPlugin> {
  let loaded: Record<string, unknown>;
  try {
    loaded = require(resolveSpecifier(entry, cwd)) as Record<string, unknown>;
  } catch (err) {
    throw new PluginLoadError(
      `Plugin "${entry}" (BATON_PLUGINS) could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const candidate = [loaded['default'], loaded['plugin'], loaded].find(isBatonPlugin);
  if (!candidate) {
    throw new PluginLoadError(
      `Plugin "${entry}" (BATON_PLUGINS) does not export a BatonPlugin as default or "plugin" (use definePlugin from @baton/activity-sdk)`,
    );
  }
  return candidate;
}

/** Loads every plugin in BATON_PLUGINS; any bad plugin or repeated activity name is fatal. */
export async function loadPlugins(
  entries: readonly string[],
  cwd: string = process.cwd(),
): Promise<PluginActivities> {
  const activities = new Map<string, LoadedActivity>();
  for (const entry of entries) {
    const plugin = await loadOne(entry, cwd);
    for (const activity of plugin.activities) {
      const taken = activities.get(activity.name);
      if (taken) {
        throw new PluginLoadError(
          `Activity "${activity.name}" is defined by both plugin ${taken.plugin.name} and plugin ${plugin.name} (from "${entry}"); activity names must be unique`,
        );
      }
      activities.set(activity.name, {
        activity,
        plugin: { name: plugin.name, version: plugin.version },
      });
    }
  }
  return activities;
}
