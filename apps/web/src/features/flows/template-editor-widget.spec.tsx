import { createDemoFlowGraph } from '@baton/flow';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { makeCatalogue } from '../../test/make-flow';
import { NodeConfigForm } from './node-config-form';
import { insertVariable, openVariableAt } from './template-editor-widget';

type Config = Record<string, unknown>;
const notify = makeCatalogue().find((d) => d.type === 'notify');
if (!notify) throw new Error('no notify in the catalogue');
const references = { team: [], user: [], schedule: [], source: [] };

/** The demo flow's "Alert the rep" step: an in-app message with {{lead.name}} and the score. */
const alertOwner = () => {
  const node = createDemoFlowGraph().nodes.find((n) => n.id === 'alert-owner');
  if (!node) throw new Error('the demo flow has no alert-owner step');
  return node.data.config;
};

function renderNotify(config: Config) {
  const onChange = jest.fn<void, [Config]>();
  const view = render(
    <NodeConfigForm
      nodeId="n1"
      description={notify as NonNullable<typeof notify>}
      config={config}
      problems={[]}
      references={references}
      onChange={onChange}
    />,
  );
  return { ...view, onChange };
}

const preview = (field: HTMLElement) =>
  document.getElementById(`${field.id}__preview`) as HTMLElement;

describe('TemplateEditorWidget', () => {
  it('previews the message with the sample lead and reports no edit on opening', () => {
    const { onChange } = renderNotify(alertOwner());
    const body = screen.getByLabelText(/^Body/);
    expect(body.tagName).toBe('TEXTAREA');
    expect(
      within(preview(body)).getByText(/^Hot lead: Maria Alvarez \(\) scored 88\./),
    ).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('offers the variables after {{ and inserts the chosen one by keyboard', async () => {
    const { onChange } = renderNotify(alertOwner());
    const body = screen.getByLabelText(/^Body/) as HTMLTextAreaElement;
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.change(body, { target: { value: 'Call {{own' } });
    const list = await screen.findByRole('listbox', { name: 'Variables' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.querySelector('code')?.textContent)).toEqual([
      '{{owner.name}}',
      '{{owner.email}}',
    ]);
    expect(body.getAttribute('aria-controls')).toBe(list.id);
    expect(body.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'ArrowUp' });
    expect(body.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    fireEvent.keyDown(body, { key: 'Enter' });

    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({ ...alertOwner(), body: 'Call {{owner.email}}' }),
    );
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(body.selectionStart).toBe('Call {{owner.email}}'.length);
    expect(within(preview(body)).getByText('Call jordan@brightsmile.example.com')).toBeTruthy();
  });

  it('closes the list on Escape and inserts with Tab in the one-line subject', async () => {
    const { onChange } = renderNotify({ channel: 'email', to: 'owner', body: 'Hi' });
    const subject = screen.getByRole('combobox', { name: /^Subject/ }) as HTMLInputElement;
    expect(subject.getAttribute('aria-expanded')).toBe('false');

    fireEvent.change(subject, { target: { value: 'New lead: {{lead.na' } });
    await waitFor(() => expect(subject.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(subject, { key: 'Escape' });
    expect(subject.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.change(subject, { target: { value: 'New lead: {{lead.nam' } });
    await waitFor(() => expect(subject.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(subject, { key: 'Tab' });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ subject: 'New lead: {{lead.name}}' }),
      ),
    );
    expect(within(preview(subject)).getByText('New lead: Maria Alvarez')).toBeTruthy();
  });

  it('flags variables no message fills', async () => {
    renderNotify({
      channel: 'in_app',
      to: 'owner',
      body: 'Hi {{lead.nmae}}, {{lead.customFields.insurance}}',
    });
    const body = screen.getByLabelText(/^Body/);
    const warning = within(preview(body)).getByText(/Unknown variable/);
    expect(warning.textContent).toContain('{{lead.nmae}}');
    expect(warning.textContent).not.toContain('customFields');
    expect(body.getAttribute('aria-describedby')).toContain(warning.id);
    expect(within(preview(body)).getByText('Hi , Delta Dental PPO')).toBeTruthy();
  });

  it('finds the unfinished variable before the caret and completes it', () => {
    expect(openVariableAt('Hi {{ lead.em', 13)).toEqual({ start: 3, query: 'lead.em' });
    expect(openVariableAt('Hi {{lead.name}} ', 17)).toBeNull();
    expect(insertVariable('Hi {{lead.em}} there', 3, 12, 'lead.email')).toEqual({
      text: 'Hi {{lead.email}} there',
      caret: 17,
    });
  });
});
