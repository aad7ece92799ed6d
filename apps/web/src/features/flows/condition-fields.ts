import { leadContactSchema, leadSourceContextSchema, utmSchema } from '@baton/api-contract';
import type { ConditionOperator } from '@baton/flow';

// The lead fields conditions and templates can read, by dotted path, with the kind of value each
// holds so the rule builder offers operators and inputs that fit. Lead contact and source
// context come from the intake schemas; the rest mirror what the worker puts in the facts.

export type FactKind = 'number' | 'text' | 'boolean' | 'choice' | 'list' | 'date';

export interface FactField {
  path: string;
  label: string;
  kind: FactKind;
  /** The values a choice field takes. */
  choices?: readonly string[];
}

export type FactGroup = 'lead' | 'qualification' | 'context';

const shapeKeys = (schema: { shape: Record<string, unknown> }): string[] =>
  Object.keys(schema.shape);

const spelled = (key: string): string => {
  const text = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** `lead.*`: the intake contact, the message, and what the worker adds (see lead-facts.ts). */
const leadFields: FactField[] = [
  ...shapeKeys(leadContactSchema).map((key) => ({
    path: `lead.${key}`,
    label: spelled(key),
    kind: 'text' as const,
  })),
  { path: 'lead.message', label: 'Message', kind: 'text' },
  { path: 'lead.receivedAt', label: 'Received at', kind: 'date' },
  { path: 'lead.source.name', label: 'Source name', kind: 'text' },
  { path: 'lead.source.slug', label: 'Source slug', kind: 'text' },
];

/**
 * `qualification.*`: the stored qualification. Its schema lives in @baton/qualify, which the web
 * app may not import (scope:server), so its fields are listed here; keep them in step with
 * libs/qualify/src/qualification.schema.ts.
 */
const qualificationFields: FactField[] = [
  { path: 'qualification.score', label: 'Score (0-100)', kind: 'number' },
  {
    path: 'qualification.intent',
    label: 'Intent',
    kind: 'choice',
    choices: ['buying', 'researching', 'support', 'job', 'spam', 'other'],
  },
  {
    path: 'qualification.urgency',
    label: 'Urgency',
    kind: 'choice',
    choices: ['high', 'medium', 'low'],
  },
  {
    path: 'qualification.budget',
    label: 'Budget',
    kind: 'choice',
    choices: ['stated', 'unknown', 'none'],
  },
  { path: 'qualification.spam', label: 'Spam', kind: 'boolean' },
  { path: 'qualification.summary', label: 'Summary', kind: 'text' },
  { path: 'qualification.reasons', label: 'Reasons', kind: 'list' },
  {
    path: 'qualification.method',
    label: 'Scored by',
    kind: 'choice',
    choices: ['llm', 'heuristic'],
  },
  { path: 'qualification.model', label: 'Model', kind: 'text' },
];

/** `context.*`: where the lead came from, as the intake schema takes it. */
const contextFields: FactField[] = shapeKeys(leadSourceContextSchema).flatMap((key) =>
  key === 'utm'
    ? shapeKeys(utmSchema).map((utm) => ({
        path: `context.utm.${utm}`,
        label: `UTM ${utm}`,
        kind: 'text' as const,
      }))
    : [{ path: `context.${key}`, label: spelled(key), kind: 'text' as const }],
);

export const factFieldGroups: ReadonlyArray<{
  group: FactGroup;
  label: string;
  fields: FactField[];
}> = [
  { group: 'lead', label: 'Lead', fields: leadFields },
  { group: 'qualification', label: 'Qualification', fields: qualificationFields },
  { group: 'context', label: 'Context', fields: contextFields },
];

export const knownFactFields: readonly FactField[] = factFieldGroups.flatMap((g) => g.fields);

const byPath = new Map(knownFactFields.map((f) => [f.path, f]));

/** Custom fields are the sender's own keys: any name under `lead.customFields.`. */
export const CUSTOM_FIELD_PREFIX = 'lead.customFields.';

/** The known field at a path, if any. */
export function factField(path: string): FactField | undefined {
  return byPath.get(path);
}

/** What a field holds; custom and unknown fields may hold anything. */
export function factKind(path: string): FactKind | 'any' {
  return byPath.get(path)?.kind ?? 'any';
}

const operatorsByKind: Record<FactKind | 'any', readonly ConditionOperator[]> = {
  number: ['gte', 'gt', 'lte', 'lt', 'between', 'eq', 'neq', 'in', 'exists'],
  date: ['gte', 'gt', 'lte', 'lt', 'between', 'exists'],
  text: ['contains', 'matches', 'eq', 'neq', 'in', 'exists'],
  choice: ['eq', 'neq', 'in', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  list: ['contains', 'exists'],
  any: ['eq', 'neq', 'contains', 'matches', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
};

/** The operators that make sense for a field, in the order a person reaches for them. */
export function operatorsFor(path: string): readonly ConditionOperator[] {
  return operatorsByKind[factKind(path)];
}
