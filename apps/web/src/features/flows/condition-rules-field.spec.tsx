import { createDemoFlowGraph, parseNodeConfig, validateGraph } from '@baton/flow';
import type Form from '@rjsf/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { makeCatalogue } from '../../test/make-flow';
import { NodeConfigForm } from './node-config-form';

type Config = Record<string, unknown>;
const condition = makeCatalogue().find((d) => d.type === 'condition');
if (!condition) throw new Error('no condition in the catalogue');
const references = { team: [], user: [], schedule: [], source: [] };

const demoCondition = () => {
  const node = createDemoFlowGraph().nodes.find((n) => n.type === 'condition');
  if (!node) throw new Error('the demo flow has no condition');
  return node.data.config;
};

function renderRules(
  config: Config,
  problems: Parameters<typeof NodeConfigForm>[0]['problems'] = [],
) {
  const onChange = jest.fn<void, [Config]>();
  const ref = createRef<Form<Config>>();
  const view = render(
    <NodeConfigForm
      nodeId="n1"
      description={condition as NonNullable<typeof condition>}
      config={config}
      problems={problems}
      references={references}
      onChange={onChange}
      formRef={ref}
    />,
  );
  return { ...view, onChange, form: () => ref.current as Form<Config> };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const clause = (rule: number, at: number) =>
  document.querySelector<HTMLElement>(`[data-clause="${rule}.${at}"]`) as HTMLElement;

describe('ConditionRulesField', () => {
  it('shows the demo condition as a rule with its sentence and holds it unchanged', async () => {
    const config = demoCondition();
    const { onChange, form } = renderRules(config);
    await settle();

    expect(screen.getByLabelText('Label')).toHaveProperty('value', 'Hot lead (score 70+)');
    expect(screen.getByLabelText('Exit handle')).toHaveProperty('value', 'hot');
    expect(
      screen.getByText('When qualification.score is at least 70, the lead takes exit “hot”.'),
    ).toBeTruthy();
    const field = screen.getByLabelText('Field (clause 1 of rule 1)') as HTMLSelectElement;
    expect(field.value).toBe('qualification.score');
    // A number field offers ordering tests, not text ones.
    const op = screen.getByLabelText('Test (clause 1 of rule 1)') as HTMLSelectElement;
    const ops = [...op.options].map((o) => o.value);
    expect(ops).toEqual(expect.arrayContaining(['gte', 'gt', 'lt', 'lte', 'between', 'exists']));
    expect(ops).not.toContain('matches');
    expect(op.value).toBe('gte');
    expect(screen.getByLabelText('Value (clause 1 of rule 1)')).toHaveProperty('type', 'number');

    expect(onChange).not.toHaveBeenCalled();
    expect(form().state.formData).toEqual(config);
  });

  it('adds a clause, makes it a between test, and emits a config the condition schema accepts', async () => {
    const { onChange } = renderRules(demoCondition());
    fireEvent.click(screen.getByRole('button', { name: 'Add a clause to rule 1' }));
    await waitFor(() => expect(clause(0, 1)).toBeTruthy());

    fireEvent.change(screen.getByLabelText('Field (clause 2 of rule 1)'), {
      target: { value: 'qualification.score' },
    });
    fireEvent.change(screen.getByLabelText('Test (clause 2 of rule 1)'), {
      target: { value: 'between' },
    });
    fireEvent.change(await screen.findByLabelText('From (clause 2 of rule 1)'), {
      target: { value: '40' },
    });
    fireEvent.change(screen.getByLabelText('To (clause 2 of rule 1)'), {
      target: { value: '69' },
    });
    fireEvent.click(screen.getByLabelText('any clause'));

    const expected = {
      rules: [
        {
          id: 'hot',
          label: 'Hot lead (score 70+)',
          group: {
            mode: 'any',
            clauses: [
              { field: 'qualification.score', op: 'gte', value: 70 },
              { field: 'qualification.score', op: 'between', value: [40, 69] },
            ],
          },
        },
      ],
    };
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(expected));
    expect(parseNodeConfig('condition', onChange.mock.lastCall?.[0])).toEqual(expected);
    expect(
      screen.getByText(
        'When qualification.score is at least 70 or qualification.score is between 40 and 69, the lead takes exit “hot”.',
      ),
    ).toBeTruthy();
  });

  it('offers only the tests a field supports and shapes the value input by test', async () => {
    const config = {
      rules: [
        {
          id: 'paid',
          label: 'Paid search',
          group: {
            mode: 'all',
            clauses: [{ field: 'context.utm.medium', op: 'eq', value: 'cpc' }],
          },
        },
      ],
    };
    const { onChange } = renderRules(config);
    const op = screen.getByLabelText('Test (clause 1 of rule 1)') as HTMLSelectElement;
    expect([...op.options].map((o) => o.value)).not.toContain('gte');

    fireEvent.change(op, { target: { value: 'in' } });
    const add = await screen.findByLabelText('Add a value (clause 1 of rule 1)');
    fireEvent.change(add, { target: { value: 'ppc' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        rules: [
          {
            ...config.rules[0],
            group: {
              mode: 'all',
              clauses: [{ field: 'context.utm.medium', op: 'in', value: ['cpc', 'ppc'] }],
            },
          },
        ],
      }),
    );
    expect(within(clause(0, 0)).getByRole('button', { name: 'Remove ppc' })).toBeTruthy();

    fireEvent.change(op, { target: { value: 'missing' } });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        rules: [
          {
            ...config.rules[0],
            group: {
              mode: 'all',
              clauses: [{ field: 'context.utm.medium', op: 'exists', value: false }],
            },
          },
        ],
      }),
    );
    expect(screen.queryByLabelText(/Value \(clause 1/)).toBeNull();
  });

  it('takes a custom field by typing its path', async () => {
    const { onChange } = renderRules(demoCondition());
    fireEvent.change(screen.getByLabelText('Field (clause 1 of rule 1)'), {
      target: { value: '__other__' },
    });
    const path = await screen.findByLabelText('Field path (clause 1 of rule 1)');
    fireEvent.change(path, { target: { value: 'lead.customFields.insurance' } });
    fireEvent.change(screen.getByLabelText('Test (clause 1 of rule 1)'), {
      target: { value: 'contains' },
    });
    fireEvent.change(screen.getByLabelText('Value (clause 1 of rule 1)'), {
      target: { value: 'Delta' },
    });
    await waitFor(() =>
      expect(onChange.mock.lastCall?.[0]).toMatchObject({
        rules: [
          {
            group: {
              clauses: [{ field: 'lead.customFields.insurance', op: 'contains', value: 'Delta' }],
            },
          },
        ],
      }),
    );
    expect(() => parseNodeConfig('condition', onChange.mock.lastCall?.[0])).not.toThrow();
  });

  it('adds, reorders and removes rules', async () => {
    const { onChange, form } = renderRules(demoCondition());
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    await waitFor(() =>
      expect(onChange.mock.lastCall?.[0]).toMatchObject({
        rules: [{ id: 'hot' }, { id: 'rule-2', label: 'Rule 2' }],
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Move rule 2 up' }));
    await waitFor(() =>
      expect(onChange.mock.lastCall?.[0]).toMatchObject({
        rules: [{ id: 'rule-2' }, { id: 'hot' }],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    // Back to the config it started from: the form holds it, and reports no edit.
    await waitFor(() => expect(form().state.formData).toEqual(demoCondition()));
  });

  it('shows the problems validateGraph pins on a clause value and a rule id next to them', () => {
    const config = {
      rules: [
        {
          id: 'hot',
          label: 'Hot',
          group: {
            mode: 'all',
            clauses: [
              { field: 'qualification.score', op: 'gte', value: 70 },
              { field: 'lead.message', op: 'matches', value: '(' },
            ],
          },
        },
        {
          id: 'hot',
          label: 'Also hot',
          group: {
            mode: 'any',
            clauses: [{ field: 'qualification.urgency', op: 'eq', value: 'high' }],
          },
        },
      ],
    };
    // The problems as the editor gets them: from validating the flow with this config.
    const graph = createDemoFlowGraph();
    const node = graph.nodes.find((n) => n.type === 'condition');
    if (!node) throw new Error('the demo flow has no condition');
    node.data.config = config;
    const problems = validateGraph(graph).problems.filter((p) => p.nodeId === node.id);
    expect(problems.map((p) => p.field)).toEqual(['rules.0.group.clauses.1.value', 'rules.1.id']);
    renderRules(config, problems);
    const message = within(clause(0, 1)).getByText(/^invalid regular expression/);
    expect(within(clause(0, 0)).queryByText(/invalid regular expression/)).toBeNull();
    const value = screen.getByLabelText('Value (clause 2 of rule 1)');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(value.getAttribute('aria-describedby')).toBe(message.closest('ul')?.id);
    const [firstExit, secondExit] = screen.getAllByLabelText('Exit handle');
    expect(firstExit?.getAttribute('aria-invalid')).toBeNull();
    expect(secondExit?.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('rule id "hot" is used twice')).toBeTruthy();
  });
});
