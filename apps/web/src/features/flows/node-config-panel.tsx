import type { GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import type { FlowNode } from '@baton/flow';
import { useId } from 'react';
import type { FlowReferences } from './flow-references.api';
import { NodeConfigForm } from './node-config-form';

interface NodeConfigPanelProps {
  node: FlowNode;
  description: NodeTypeDescriptionView | undefined;
  problems: readonly GraphProblemView[];
  references: FlowReferences['options'];
  onLabelChange(label: string): void;
  onConfigChange(config: Record<string, unknown>): void;
  onDelete(): void;
  onClose(): void;
}

/** The selected step's name and settings; every change applies to the draft at once. */
export function NodeConfigPanel({
  node,
  description,
  problems,
  references,
  onLabelChange,
  onConfigChange,
  onDelete,
  onClose,
}: NodeConfigPanelProps) {
  const titleId = useId();
  const nameId = useId();
  // Problems about a field are shown on it by the form; the rest are listed here.
  const general = problems.filter((p) => !p.field);
  return (
    <aside className="card flow-panel" aria-labelledby={titleId} data-testid="node-config-panel">
      <header className="flow-panel-head">
        <div>
          <p className="flow-panel-type">{description?.title ?? node.type}</p>
          <h2 className="flow-panel-title" id={titleId}>
            {node.label ?? node.id}
          </h2>
        </div>
        <button
          type="button"
          className="button button-quiet flow-panel-close"
          onClick={onClose}
          aria-label="Close the step's settings"
        >
          ×
        </button>
      </header>
      <div className="flow-panel-body">
        {description && <p className="flow-panel-description">{description.description}</p>}
        {general.length > 0 && (
          <ul className="flow-panel-problems" aria-label="Problems with this step">
            {general.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>{problem.message}</li>
            ))}
          </ul>
        )}
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            Name
          </label>
          <input
            id={nameId}
            type="text"
            maxLength={200}
            value={node.label ?? ''}
            placeholder={description?.title ?? node.type}
            onChange={(e) => onLabelChange(e.target.value)}
          />
        </div>
        {description ? (
          <NodeConfigForm
            key={node.id}
            nodeId={node.id}
            description={description}
            config={node.data.config}
            problems={problems}
            references={references}
            onChange={onConfigChange}
          />
        ) : (
          <p className="flows-muted">
            This install does not know the step type “{node.type}”, so its settings cannot be shown.
          </p>
        )}
        <button type="button" className="button flow-panel-delete" onClick={onDelete}>
          Delete this step
        </button>
      </div>
    </aside>
  );
}
