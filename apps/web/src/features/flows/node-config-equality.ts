import { getNodeDefinition } from '@baton/flow';

/** JSON with object keys sorted, so two equal values print the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Whether two configs of a node type mean the same: equal once the type's schema has filled in
 * its defaults (the form writes `profile: "b2b"` where the saved config left it out). A form
 * that only spells out defaults is not an edit: it must not dirty the draft or the history.
 */
export function sameNodeConfig(type: string, a: unknown, b: unknown): boolean {
  if (canonical(a) === canonical(b)) return true;
  const schema = getNodeDefinition(type)?.configSchema;
  if (!schema) return false;
  const left = schema.safeParse(a);
  const right = schema.safeParse(b);
  return left.success && right.success && canonical(left.data) === canonical(right.data);
}
