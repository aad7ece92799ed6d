import { ActivityDefinitionError, type AnyActivityDefinition } from './define-activity';

/** What a plugin package exports (as `default` or `plugin`): its name, version and activities. */
export interface BatonPlugin {
  readonly kind: 'baton.plugin';
  readonly name: string;
  readonly version: string;
  readonly activities: readonly AnyActivityDefinition[];
}

export function definePlugin(spec: {
  name: string;
  version: string;
  activities: readonly AnyActivityDefinition[];
}): BatonPlugin {
  const seen = new Set<string>();
  for (const activity of spec.activities) {
    if (seen.has(activity.name)) {
      throw new ActivityDefinitionError(`${spec.name}: activity ${activity.name} is listed twice`);
    }
    seen.add(activity.name);
  }
  return { kind: 'baton.plugin', ...spec };
}

export const isBatonPlugin = (value: unknown): value is BatonPlugin =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'baton.plugin';
