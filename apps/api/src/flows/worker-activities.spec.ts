import type { FlowGraph } from '@baton/flow';
import { checkCustomSteps, type RegisteredActivity } from './worker-activities';

const crm: RegisteredActivity = {
  name: 'crm.upsert',
  version: '1.0.0',
  title: 'CRM upsert',
  description: 'Upserts the lead',
  category: 'integration',
  handles: ['ok', 'failed'],
  inputSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      url: { type: 'string', format: 'uri' },
      fieldMap: { type: 'object', additionalProperties: { type: 'string' } },
      retries: { type: 'integer', minimum: 0 },
    },
    required: ['url'],
  },
  plugin: { name: '@baton/plugin-crm-upsert', version: '0.1.0' },
};

const graphWith = (config: Record<string, unknown>): FlowGraph =>
  ({
    nodes: [{ id: 'crm', type: 'custom', position: { x: 0, y: 0 }, data: { config } }],
    edges: [],
  }) as unknown as FlowGraph;

describe('checkCustomSteps', () => {
  it('accepts input the registered schema allows and names the plugin version used', () => {
    const result = checkCustomSteps(
      graphWith({
        activity: 'crm.upsert',
        version: '1.0.0',
        input: { url: 'https://crm.example/x' },
      }),
      [crm],
    );
    expect(result).toEqual({
      problems: [],
      pluginVersions: { '@baton/plugin-crm-upsert': '0.1.0' },
    });
  });

  it('names the missing field and the nested one that is wrong', () => {
    const { problems } = checkCustomSteps(
      graphWith({ activity: 'crm.upsert', version: '1.0.0', input: { retries: -1 } }),
      [crm],
    );
    expect(problems.map((p) => [p.nodeId, p.code, p.field])).toEqual([
      ['crm', 'invalid_config', 'input.url'],
      ['crm', 'invalid_config', 'input.retries'],
    ]);
  });

  it('refuses an activity no worker registered, and another version of one', () => {
    const missing = checkCustomSteps(
      graphWith({ activity: 'slack.message', version: '1', input: {} }),
      [crm],
    );
    expect(missing.problems).toEqual([
      expect.objectContaining({
        field: 'activity',
        message: expect.stringMatching(/BATON_PLUGINS/),
      }),
    ]);
    const older = checkCustomSteps(
      graphWith({ activity: 'crm.upsert', version: '0.9.0', input: {} }),
      [crm],
    );
    expect(older.problems).toEqual([
      expect.objectContaining({
        field: 'version',
        message: expect.stringMatching(/0\.9\.0.*1\.0\.0/),
      }),
    ]);
    expect(older.pluginVersions).toEqual({});
  });
});
