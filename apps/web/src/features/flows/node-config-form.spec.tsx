import type { GraphProblemView } from '@baton/api-contract';
import type Form from '@rjsf/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { makeCatalogue } from '../../test/make-flow';
import { testUuid } from '../../test/test-uuid';
import { NodeConfigForm, problemsToErrorSchema } from './node-config-form';
import { sameNodeConfig } from './node-config-equality';

type Config = Record<string, unknown>;
const catalogue = makeCatalogue();
const byType = (type: string) => {
  const found = catalogue.find((d) => d.type === type);
  if (!found) throw new Error(`no ${type} in the catalogue`);
  return found;
};
const references = {
  team: [{ id: testUuid(70), name: 'Inside sales' }],
  user: [{ id: testUuid(71), name: 'Riley Rep' }],
  schedule: [{ id: testUuid(72), name: 'Office hours' }],
  source: [{ id: testUuid(73), name: 'Website' }],
};

function renderForm(type: string, config: Config, problems: GraphProblemView[] = []) {
  const onChange = jest.fn<void, [Config]>();
  const ref = createRef<Form<Config>>();
  const view = render(
    <NodeConfigForm
      nodeId="n1"
      description={byType(type)}
      config={config}
      problems={problems}
      references={references}
      onChange={onChange}
      formRef={ref}
    />,
  );
  return { ...view, onChange, form: () => ref.current as Form<Config> };
}

describe('NodeConfigForm', () => {
  it.each(catalogue.map((d) => [d.type, d.defaultConfig] as const))(
    'renders a %s form that round-trips its default config',
    async (type, defaultConfig) => {
      const { form, onChange, container } = renderForm(type, defaultConfig as Config);
      await act(() => new Promise((resolve) => setTimeout(resolve, 0)));

      expect(container.querySelector('form.node-config-form')).not.toBeNull();
      // Opening a node is not an edit: nothing is reported unless it means something else.
      for (const [reported] of onChange.mock.calls) {
        expect(sameNodeConfig(type, reported, defaultConfig)).toBe(true);
      }
      // The form holds the same config, and its own schema accepts it.
      expect(sameNodeConfig(type, form().state.formData, defaultConfig)).toBe(true);
      let valid = false;
      // rjsf logs the errors of a failed validation; they are checked below instead.
      const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      act(() => {
        valid = form().validateForm();
      });
      log.mockRestore();
      const errors = valid ? [] : form().state.errors.map((e) => `${e.property ?? ''} ${e.stack}`);
      // Fields the default leaves empty on purpose (pick a schedule, type a URL) are the only
      // complaints, and they are the ones validateGraph makes too.
      const expectedGaps: Record<string, string[]> = {
        business_hours: ['scheduleId'],
        webhook: ['url'],
        custom: ['activity'],
      };
      for (const stack of errors) {
        expect((expectedGaps[type] ?? []).some((field) => stack.includes(field))).toBe(true);
      }
    },
  );

  it('reports a changed field as the whole new config, and pins problems on their field', async () => {
    const config = { sla: { minutes: 15, mode: 'business' }, reminders: [5, 10] };
    const { onChange, container } = renderForm('wait_for_contact', config, [
      {
        code: 'invalid_config',
        message: 'a reminder at 10 minutes comes after the 8-minute SLA has run out',
        nodeId: 'n1',
        field: 'reminders.1',
      },
    ]);
    expect(screen.getByText(/comes after the 8-minute SLA/)).toBeTruthy();

    const minutes = container.querySelector<HTMLInputElement>('#node-n1_sla_minutes');
    expect(minutes?.value).toBe('15');
    fireEvent.change(minutes as HTMLInputElement, { target: { value: '30' } });

    await waitFor(() =>
      // endOn was not in the stored config: the form shows and keeps its default (contact).
      expect(onChange).toHaveBeenLastCalledWith({
        sla: { minutes: 30, mode: 'business' },
        reminders: [5, 10],
        endOn: 'contact',
      }),
    );
  });

  it('picks a team from the API by name and stores its id', async () => {
    const { onChange } = renderForm('assign', { strategy: 'round_robin', respectSchedules: true });
    const picker = screen.getByLabelText(/^Team/) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Choose a team…',
      'Inside sales',
    ]);
    fireEvent.change(picker, { target: { value: testUuid(70) } });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ strategy: 'round_robin', teamId: testUuid(70) }),
      ),
    );
  });

  it('turns problem fields into the form library error schema', () => {
    expect(
      problemsToErrorSchema([
        { code: 'invalid_config', message: 'a', field: 'sla.minutes' },
        { code: 'invalid_config', message: 'b', field: 'sla.minutes' },
        { code: 'unconnected_handle', message: 'not a field' },
      ]),
    ).toEqual({ sla: { minutes: { __errors: ['a', 'b'] } } });
  });
});
