import { validConfigs } from '../../test/flow-configs.fixture';
import { nodeSimulators } from '../simulation/node-simulators';
import { describeCatalogue, nodeConfigJsonSchema } from './describe-catalogue';
import { nodeCategories } from './define-node';
import { getNodeDefinition, isNodeType, nodeCatalogue, nodeTypes } from './node-catalogue';

describe('nodeCatalogue', () => {
  // The handles table of DESIGN.md, "The flow language" (plus notify's optional `failed`).
  it.each([
    ['trigger', ['next']],
    ['qualify', ['next']],
    ['business_hours', ['open', 'closed']],
    ['assign', ['assigned', 'nobody']],
    ['notify', ['next', 'failed']],
    ['wait_for_contact', ['contacted', 'breached']],
    ['escalate', ['next']],
    ['book', ['booked', 'failed']],
    ['delay', ['next']],
    ['webhook', ['ok', 'failed']],
    ['custom', ['ok', 'failed']],
    ['end', []],
  ])('%s leaves by %j', (type, handles) => {
    const definition = getNodeDefinition(type);
    expect(definition?.staticHandles).toEqual(handles);
    expect(
      definition?.handles(
        definition.configSchema.parse(validConfigs[type as keyof typeof validConfigs]),
      ),
    ).toEqual(handles);
  });

  it('needs only `next` of a notify step connected: `failed` is optional', () => {
    const config = nodeCatalogue.notify.configSchema.parse(validConfigs.notify);
    expect(nodeCatalogue.notify.requiredHandles(config)).toEqual(['next']);
  });

  it('gives a condition one handle per rule, in order, then else', () => {
    const config = nodeCatalogue.condition.configSchema.parse({
      rules: [
        { id: 'b', label: 'B', group: { clauses: [{ field: 'lead.email', op: 'exists' }] } },
        { id: 'a', label: 'A', group: { clauses: [{ field: 'lead.phone', op: 'exists' }] } },
      ],
    });
    expect(nodeCatalogue.condition.handles(config)).toEqual(['b', 'a', 'else']);
    expect(nodeCatalogue.condition.staticHandles).toBeUndefined();
  });

  it('keys every definition by its own type, with a known category', () => {
    for (const [key, definition] of Object.entries(nodeCatalogue)) {
      expect(definition.type).toBe(key);
      expect(nodeCategories).toContain(definition.category);
      expect(definition.title).not.toBe('');
      expect(definition.description.length).toBeGreaterThan(10);
    }
  });

  it('marks only wait_for_contact and delay as waiting nodes', () => {
    expect(nodeTypes.filter((t) => nodeCatalogue[t].waits).sort()).toEqual([
      'delay',
      'wait_for_contact',
    ]);
  });

  // book and custom run now (the book activity, plugins through runCustomActivity).
  it('has every node type available', () => {
    expect(nodeTypes.filter((t) => !nodeCatalogue[t].available)).toEqual([]);
  });

  it('has a simulator for every node type', () => {
    expect(Object.keys(nodeSimulators).sort()).toEqual([...nodeTypes].sort());
  });

  it('accepts the fixture config of every type', () => {
    for (const type of nodeTypes) {
      expect(nodeCatalogue[type].configSchema.safeParse(validConfigs[type]).success).toBe(true);
    }
  });

  it('has JSON-safe default configs', () => {
    for (const type of nodeTypes) {
      const { defaultConfig } = nodeCatalogue[type];
      expect(JSON.parse(JSON.stringify(defaultConfig))).toEqual(defaultConfig);
    }
  });

  it('does not resolve unknown types or inherited properties', () => {
    expect(getNodeDefinition('nope')).toBeUndefined();
    expect(getNodeDefinition('toString')).toBeUndefined();
    expect(isNodeType('constructor')).toBe(false);
    expect(isNodeType('assign')).toBe(true);
  });
});

describe('catalogue JSON Schema', () => {
  it('describes every node config as an object schema for forms', () => {
    const described = describeCatalogue();
    expect(described.map((d) => d.type)).toEqual(nodeTypes);
    for (const entry of described) {
      expect(entry.configJsonSchema.type).toBe('object');
      expect(JSON.parse(JSON.stringify(entry))).toBeTruthy();
    }
  });

  it('lists enum choices and marks defaults as optional (input side)', () => {
    const schema = nodeConfigJsonSchema(nodeCatalogue.assign);
    const properties = schema.properties as Record<string, { enum?: string[]; default?: unknown }>;
    expect(properties['strategy']?.enum).toEqual([
      'round_robin',
      'weighted',
      'least_loaded',
      'match',
      'specific_user',
    ]);
    expect(properties['strategy']?.default).toBe('round_robin');
    expect(schema.required ?? []).not.toContain('strategy');
  });

  it('describes the condition operators', () => {
    const text = JSON.stringify(nodeConfigJsonSchema(nodeCatalogue.condition));
    for (const op of [
      'eq',
      'neq',
      'contains',
      'in',
      'gt',
      'gte',
      'lt',
      'lte',
      'between',
      'exists',
      'matches',
    ]) {
      expect(text).toContain(`"${op}"`);
    }
  });
});
