import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../ui/icon';
import type { FlowCanvasNode } from './flow-canvas-model';
import { useFlowCanvasLookups } from './flow-canvas-context';
import { handleLabels, nodeFaceLines } from './node-face';

/** One step of the flow: its type, its name, its key settings, and a labelled exit per handle. */
export const FlowNode = memo(function FlowNode({ id, data, selected }: NodeProps<FlowCanvasNode>) {
  const { catalogue, problems, names, editable } = useFlowCanvasLookups();
  const description = catalogue.get(data.nodeType);
  const nodeProblems = problems.get(id) ?? [];
  const lines = nodeFaceLines(data.nodeType, data.config, names);
  const exitLabels = handleLabels(data.nodeType, data.config);
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
            aria-label={`${nodeProblems.length} ${nodeProblems.length === 1 ? 'problem' : 'problems'}`}
            data-testid="flow-node-problems"
          >
            <Icon name="alertTriangle" size={12} />
            {nodeProblems.length}
          </span>
        )}
      </div>
      <div className="flow-node-label">{data.label ?? id}</div>
      {lines.length > 0 && (
        <ul className="flow-node-face" data-testid="flow-node-face">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {data.handles.length > 0 && (
        <ul className="flow-node-handles" aria-label="Exits">
          {data.handles.map((handle) => {
            const taken = data.connected.includes(handle);
            return (
              <li key={handle} className="flow-node-exit">
                <span>{exitLabels.get(handle) ?? handle}</span>
                <Handle
                  type="source"
                  position={Position.Right}
                  id={handle}
                  // An exit takes one edge: a connected one cannot start another.
                  isConnectableStart={editable && !taken}
                  className={taken ? 'flow-handle' : 'flow-handle flow-handle-free'}
                  data-testid="flow-handle"
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});
