import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../ui/icon';
import type { FlowCanvasNode } from './flow-canvas-model';
import { useFlowCanvasLookups } from './flow-canvas-context';

/** One step of the flow: its type, its name, and a labelled exit per handle. */
export const FlowNode = memo(function FlowNode({ id, data, selected }: NodeProps<FlowCanvasNode>) {
  const { catalogue, problems } = useFlowCanvasLookups();
  const description = catalogue.get(data.nodeType);
  const nodeProblems = problems.get(id) ?? [];
  const classes = ['flow-node', `flow-node-${description?.category ?? 'unknown'}`];
  if (nodeProblems.length > 0) classes.push('flow-node-problem');
  if (selected) classes.push('flow-node-selected');
  return (
    <div
      className={classes.join(' ')}
      data-testid="flow-node"
      data-node-id={id}
      aria-invalid={nodeProblems.length > 0 ? true : undefined}
    >
      {data.hasInput && <Handle type="target" position={Position.Left} className="flow-handle" />}
      <div className="flow-node-head">
        <span className="flow-node-type">{description?.title ?? data.nodeType}</span>
        {nodeProblems.length > 0 && (
          <span
            className="flow-node-problem-count"
            title={nodeProblems.map((p) => p.message).join('\n')}
          >
            <Icon name="alertTriangle" size={12} />
            {nodeProblems.length}
          </span>
        )}
      </div>
      <div className="flow-node-label">{data.label ?? id}</div>
      {data.handles.length > 0 && (
        <ul className="flow-node-handles" aria-label="Exits">
          {data.handles.map((handle) => (
            <li key={handle} className="flow-node-exit">
              <span>{handle}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={handle}
                className="flow-handle"
                data-testid="flow-handle"
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
