/**
 * What conditions, templates and assignment rules can read about a lead, by dotted path:
 * `lead.email`, `lead.customFields.budget`, `qualification.score`, `context.utm.source`.
 */
export interface Facts {
  lead: Readonly<Record<string, unknown>>;
  qualification: Readonly<Record<string, unknown>>;
  context: Readonly<Record<string, unknown>>;
}

export const factRoots = ['lead', 'qualification', 'context'] as const;

// Paths come from people; never let one walk into the prototype chain.
const forbidden = new Set(['__proto__', 'prototype', 'constructor']);

/** Reads a value by path from any plain object tree; own properties only, undefined when absent. */
export function readPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const segment of path.split('.')) {
    if (
      forbidden.has(segment) ||
      value === null ||
      typeof value !== 'object' ||
      value instanceof Date
    )
      return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Reads a fact such as `lead.customFields.budget`; undefined when any part is missing. */
export function readFact(facts: Facts, path: string): unknown {
  return readPath(facts, path);
}
