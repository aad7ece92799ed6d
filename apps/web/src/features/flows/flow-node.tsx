import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../ui/icon';
import type { FlowCanvasNode } from './flow-canvas-model';
import { formatDuration, leakedOf } from './flow-canvas-annotations';
import { useFlowCanvasLookups } from './flow-canvas-context';
import { handleLabels, nodeFaceLines } from './node-face';

/** One step of the flow: its type, its name, its key settings, and a labelled exit per handle. */
export const FlowNode = memo(function FlowNode({ id, data, selected }: NodeProps<FlowCanvasNode>) {
  const { catalogue, problems, names, editable, annotations } = useFlowCanvasLookups();
  const description = catalogue.get(data.nodeType);
  const nodeProblems = problems.get(id) ?? [];
  const lines = nodeFaceLines(data.nodeType, data.config, names);
  const exitLabels = handleLabels(data.nodeType, data.config);
  const classes = ['flow-node', `flow-node-${description?.category ?? 'unknown'}`];
  if (nodeProblems.length > 0) classes.push('flow-node-problem');
  if (selected) classes.push('flow-node-selected');
  const trace = annotations?.kind === 'trace' ? annotations.nodes.get(id) : undefined;
  const stat = annotations?.kind === 'stats' ? annotations.nodes.get(id) : undefined;
  if (annotations?.kind === 'trace')
    classes.push(trace ? 'flow-node-on-path' : 'flow-node-off-path');
  const worstLeak = annotations?.kind === 'stats' && annotations.worstLeak === id;
  if (worstLeak) classes.push('flow-node-worst-leak');
  const shares = new Map(stat?.handles.map((h) => [h.handle, h.share]) ?? []);
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
        {trace && (
          <span
            className="flow-node-trace"
            data-testid="flow-node-trace"
            title={trace.reason}
            aria-label={`Step ${trace.steps.join(', ')} of the test: ${trace.reason}`}
          >
            {trace.steps.join(', ')}
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
      {trace && (
        <p className="flow-node-decision" data-testid="flow-node-decision">
          {trace.reason}
        </p>
      )}
      {annotations?.kind === 'stats' && (
        <dl className="flow-node-stats" data-testid="flow-node-stats">
          <div>
            <dt>Leads</dt>
            <dd data-testid="flow-node-stat-leads">{stat?.leads ?? 0}</dd>
          </div>
          <div>
            <dt>Median here</dt>
            <dd>{stat?.medianSeconds != null ? formatDuration(stat.medianSeconds) : '–'}</dd>
          </div>
          {stat && leakedOf(stat) > 0 && (
            <div className={worstLeak ? 'flow-node-leak flow-node-leak-worst' : 'flow-node-leak'}>
              <dt>{worstLeak ? 'Leaks most' : 'Leaked'}</dt>
              <dd>{leakedOf(stat)}</dd>
            </div>
          )}
        </dl>
      )}
      {data.handles.length > 0 && (
        <ul className="flow-node-handles" aria-label="Exits">
          {data.handles.map((handle) => {
            const taken = data.connected.includes(handle);
            return (
              <li key={handle} className="flow-node-exit">
                <span>{exitLabels.get(handle) ?? handle}</span>
                {shares.has(handle) && (
                  <span className="flow-node-share">
                    {Math.round((shares.get(handle) ?? 0) * 100)}%
                  </span>
                )}
                {trace?.handle === handle && (
                  <span className="flow-node-taken" aria-label="taken in the test">
                    ●
                  </span>
                )}
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
