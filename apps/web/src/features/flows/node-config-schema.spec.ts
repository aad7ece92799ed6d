import { enumLabel, fieldTitle, toFormSchema, toUiSchema } from './node-config-schema';

describe('node config schemas for the form', () => {
  it('words enum values', () => {
    expect(['least_loaded', 'POST', 'gte', 'b2b'].map(enumLabel)).toEqual([
      'Least loaded',
      'POST',
      'at least',
      'B2B',
    ]);
  });

  it('rewrites 2020-12 tuples to draft-07 and drops $schema', () => {
    const schema = toFormSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        value: {
          type: 'array',
          prefixItems: [{ type: 'number' }, { type: 'number' }],
          items: false,
        },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        value: {
          type: 'array',
          title: 'Value',
          items: [{ type: 'number' }, { type: 'number' }],
          additionalItems: false,
        },
      },
    });
  });

  it('titles fields for people and names the pickers and text areas in the uiSchema', () => {
    expect(['timeoutMs', 'teamId', 'untilScheduleOpen', 'sla', 'url'].map(fieldTitle)).toEqual([
      'Timeout (ms)',
      'Team',
      'Until schedule open',
      'SLA',
      'URL',
    ]);
    const ui = toUiSchema(
      toFormSchema({
        type: 'object',
        properties: {
          teamId: { type: 'string' },
          pool: { type: 'array', items: { type: 'string' } },
          body: { type: 'string' },
          subject: { type: 'string' },
          hotWhen: { type: 'string' },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, group: { type: 'object' } },
            },
          },
          mode: { type: 'string', enum: ['business', 'wall'] },
          sla: { type: 'object', properties: { scheduleId: { type: 'string' } } },
        },
      }),
    );
    expect(ui).toEqual({
      teamId: { 'ui:widget': 'teamPicker' },
      pool: { items: { 'ui:widget': 'userPicker' } },
      body: { 'ui:widget': 'template', 'ui:options': { rows: 5, multiline: true } },
      subject: { 'ui:widget': 'template', 'ui:options': {} },
      hotWhen: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
      rules: { 'ui:field': 'conditionRules' },
      mode: { 'ui:enumNames': ['Business time', 'Clock time'] },
      sla: { scheduleId: { 'ui:widget': 'schedulePicker' } },
      'ui:submitButtonOptions': { norender: true },
    });
  });
});
