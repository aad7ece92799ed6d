import type { RJSFSchema, UiSchema } from '@rjsf/utils';

// The catalogue sends each config's JSON Schema as zod writes it (draft 2020-12). The form
// library validates with Ajv's draft-07 class, so the few 2020-12 keywords the catalogue uses are
// rewritten to their draft-07 spelling, and fields get titles people can read.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Words a field name is made of that read better spelled out. */
const words: Record<string, string> = {
  ms: '(ms)',
  sla: 'SLA',
  url: 'URL',
  id: '',
  ids: '',
};

/** `timeoutMs` → "Timeout (ms)", `teamId` → "Team", `untilScheduleOpen` → "Until schedule open". */
export function fieldTitle(key: string): string {
  const parts = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .map((w) => words[w] ?? w)
    .filter(Boolean);
  const text = parts.join(' ') || key;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A name for one branch of a `oneOf` (a condition clause): its operator(s). */
function optionTitle(option: Json, index: number): string {
  const op = isObject(option['properties']) ? option['properties']['op'] : undefined;
  if (isObject(op)) {
    if (typeof op['const'] === 'string') return op['const'];
    if (Array.isArray(op['enum'])) return op['enum'].join(' / ');
  }
  return `Option ${index + 1}`;
}

function convert(schema: unknown, key?: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => convert(s));
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$schema') continue;
    if (k === 'properties' && isObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, convert(s, name)]));
    } else if ((k === 'oneOf' || k === 'anyOf') && Array.isArray(v)) {
      out[k] = v.map((option, i) => {
        const converted = convert(option) as Json;
        return isObject(option) && option['title'] === undefined && k === 'oneOf'
          ? { ...converted, title: optionTitle(option, i) }
          : converted;
      });
    } else {
      out[k] = convert(v);
    }
  }
  // 2020-12 tuples: `prefixItems` + `items: false` are draft-07's `items: [...]` + `additionalItems: false`.
  if (Array.isArray(schema['prefixItems'])) {
    out['items'] = convert(schema['prefixItems']);
    delete out['prefixItems'];
    if (schema['items'] === false) out['additionalItems'] = false;
    else if (schema['items'] !== undefined) out['additionalItems'] = convert(schema['items']);
  }
  if (key !== undefined && out['title'] === undefined) out['title'] = fieldTitle(key);
  return out;
}

/** The node type's config schema, ready for the form. */
export function toFormSchema(configJsonSchema: Record<string, unknown>): RJSFSchema {
  return convert(configJsonSchema) as RJSFSchema;
}

/** Config fields that hold a database id, by field name: the widget that picks one. */
export const referenceWidgets: Record<string, string> = {
  teamId: 'teamPicker',
  userId: 'userPicker',
  scheduleId: 'schedulePicker',
  untilScheduleOpen: 'schedulePicker',
};
/** Arrays of ids, by field name: the widget for each item. */
const referenceItemWidgets: Record<string, string> = {
  pool: 'userPicker',
  sources: 'sourcePicker',
};

/** Long free text: a text area rather than one line. */
const textAreas = new Set(['hotWhen']);
/** Message templates ({{lead.name}}): the editor with variable completion and a preview. */
const templateFields = new Set(['subject', 'body']);

/** A condition node's `rules` (items with a clause group): the rule builder instead of nested arrays. */
function isConditionRules(schema: Json, key?: string): boolean {
  const items = schema['items'];
  return (
    key === 'rules' &&
    isObject(items) &&
    isObject(items['properties']) &&
    isObject(items['properties']['group'])
  );
}

/** Enum values whose words are not just the value spelled out. */
const enumWords: Record<string, string> = {
  b2b: 'B2B',
  in_app: 'In-app',
  wall: 'Clock time',
  business: 'Business time',
  eq: 'equals',
  neq: 'does not equal',
  gt: 'greater than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
};

/** `least_loaded` → "Least loaded", `wall` → "Clock time": enum values read as words. */
export function enumLabel(value: string): string {
  const known = enumWords[value];
  if (known) return known;
  if (value === value.toUpperCase()) return value;
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uiFor(schema: unknown, key?: string): UiSchema {
  if (!isObject(schema)) return {};
  const ui: UiSchema = {};
  const values = schema['enum'];
  if (Array.isArray(values) && values.every((v) => typeof v === 'string')) {
    ui['ui:enumNames'] = (values as string[]).map(enumLabel);
  }
  if (key && referenceWidgets[key]) ui['ui:widget'] = referenceWidgets[key];
  if (key && textAreas.has(key)) {
    ui['ui:widget'] = 'textarea';
    ui['ui:options'] = { rows: 3 };
  }
  if (key && templateFields.has(key)) {
    ui['ui:widget'] = 'template';
    ui['ui:options'] = key === 'body' ? { rows: 5, multiline: true } : {};
  }
  if (isConditionRules(schema, key)) return { 'ui:field': 'conditionRules' };
  if (key && referenceItemWidgets[key]) ui['items'] = { 'ui:widget': referenceItemWidgets[key] };
  if (isObject(schema['properties'])) {
    for (const [name, child] of Object.entries(schema['properties'])) {
      const childUi = uiFor(child, name);
      if (Object.keys(childUi).length > 0) ui[name] = childUi;
    }
  }
  if (isObject(schema['items']) && !ui['items']) {
    const itemUi = uiFor(schema['items']);
    if (Object.keys(itemUi).length > 0) ui['items'] = itemUi;
  }
  return ui;
}

/** Widgets by field (pickers for ids, text areas for templates); no submit button: edits apply live. */
export function toUiSchema(formSchema: RJSFSchema): UiSchema {
  return {
    ...uiFor(formSchema),
    'ui:submitButtonOptions': { norender: true },
  };
}
