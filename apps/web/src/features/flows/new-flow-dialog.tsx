import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { useFlowReferences } from './flow-references.api';
import { flowTemplates } from './flow-templates';
import { createFlow } from './flows.api';

interface NewFlowDialogProps {
  onCreated(flowId: string): void;
  onCancel(): void;
}

/** Names a new flow and picks what it starts from: an empty canvas or a template. */
export function NewFlowDialog({ onCreated, onCancel }: NewFlowDialogProps) {
  const titleId = useId();
  const nameId = useId();
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState(flowTemplates[0]?.id ?? 'empty');
  const references = useFlowReferences(true);
  const create = useMutation({
    mutationFn: () => {
      const template = flowTemplates.find((t) => t.id === templateId);
      const graph = template?.graph({
        teams: references.options.team,
        schedules: references.options.schedule,
      });
      return createFlow({ name: name.trim(), ...(graph ? { graph } : {}) });
    },
    onSuccess: (flow) => onCreated(flow.id),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '' && !create.isPending) create.mutate();
  };
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <form
        className="card dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={submit}
      >
        <h2 className="dialog-title" id={titleId}>
          New flow
        </h2>
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            Name
          </label>
          <input
            id={nameId}
            autoFocus
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Website demo requests"
          />
        </div>
        <fieldset className="dialog-choices">
          <legend className="field-label">Start from</legend>
          {flowTemplates.map((template) => (
            <label key={template.id} className="dialog-choice">
              <input
                type="radio"
                name="template"
                value={template.id}
                checked={templateId === template.id}
                onChange={() => setTemplateId(template.id)}
              />
              <span>
                <span className="dialog-choice-title">{template.title}</span>
                <span className="dialog-choice-text">{template.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {create.isError && (
          <p role="alert" className="flow-alert">
            {errorMessage(create.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={name.trim() === '' || create.isPending}
          >
            {create.isPending ? 'Creating…' : 'Create flow'}
          </button>
        </div>
      </form>
    </div>
  );
}
