import type { FlowEdge, FlowGraph, FlowNode, GraphDiff, NodeChange } from '@baton/flow';
import type { ReactNode } from 'react';
import {
  describeEdge,
  fieldPathTitle,
  formatConfigValue,
  nodeName,
  type CatalogueByType,
} from './flow-diff-format';
import type { ReferenceNames } from './node-face';
import './flow-history.css';

interface FlowDiffViewProps {
  diff: GraphDiff;
  before: FlowGraph;
  after: FlowGraph;
  byType: CatalogueByType;
  names: ReferenceNames;
}

/** Past this many lines, groups start folded (their counts still show). */
const LONG_DIFF = 12;

function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <>
      <span className="flow-diff-before">{before}</span>
      {' → '}
      <span className="flow-diff-after">{after}</span>
    </>
  );
}

function Group({
  title,
  count,
  open,
  children,
}: {
  title: string;
  count: number;
  open: boolean;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <details className="flow-diff-group" open={open}>
      <summary>
        {title} ({count})
      </summary>
      <ul className="flow-diff-list">{children}</ul>
    </details>
  );
}

function StepName({ node, byType }: { node: FlowNode; byType: CatalogueByType }) {
  const name = nodeName(node, byType);
  const type = byType.get(node.type)?.title ?? node.type;
  return (
    <>
      <span className="flow-diff-step">{name}</span>
      {type !== name && <span className="flow-diff-type"> · {type}</span>}
    </>
  );
}

function ChangedStep({
  change,
  byType,
  names,
}: {
  change: NodeChange;
  byType: CatalogueByType;
  names: ReferenceNames;
}) {
  const schema = byType.get(change.after.type)?.configJsonSchema;
  return (
    <li data-testid="flow-diff-changed" data-node-id={change.id}>
      <StepName node={change.after} byType={byType} />
      <ul className="flow-diff-fields">
        {change.label && (
          <li>
            Name:{' '}
            <BeforeAfter
              before={change.label.before?.trim() || 'not set'}
              after={change.label.after?.trim() || 'not set'}
            />
          </li>
        )}
        {change.type && (
          <li>
            Step type:{' '}
            <BeforeAfter
              before={byType.get(change.type.before)?.title ?? change.type.before}
              after={byType.get(change.type.after)?.title ?? change.type.after}
            />
          </li>
        )}
        {change.config.map((field) => {
          const context = { schema, segments: field.segments, names };
          return (
            <li key={field.path} data-path={field.path}>
              {fieldPathTitle(field.segments)}:{' '}
              <BeforeAfter
                before={formatConfigValue(field.before, context)}
                after={formatConfigValue(field.after, context)}
              />
            </li>
          );
        })}
      </ul>
    </li>
  );
}

const edgeKeyOf = (edge: FlowEdge) =>
  `${edge.id}:${edge.source}:${edge.sourceHandle}:${edge.target}`;

/** A graph diff grouped for reading: steps added, changed (field by field), removed; connections. */
export function FlowDiffView({ diff, before, after, byType, names }: FlowDiffViewProps) {
  const lines =
    diff.addedNodes.length +
    diff.removedNodes.length +
    diff.changedNodes.reduce((n, c) => n + 1 + c.config.length, 0) +
    diff.addedEdges.length +
    diff.removedEdges.length;
  const open = lines <= LONG_DIFF;
  return (
    <div className="flow-diff">
      <Group title="Steps added" count={diff.addedNodes.length} open={open}>
        {diff.addedNodes.map((node) => (
          <li key={node.id}>
            <StepName node={node} byType={byType} />
          </li>
        ))}
      </Group>
      <Group title="Steps changed" count={diff.changedNodes.length} open={open}>
        {diff.changedNodes.map((change) => (
          <ChangedStep key={change.id} change={change} byType={byType} names={names} />
        ))}
      </Group>
      <Group title="Steps removed" count={diff.removedNodes.length} open={open}>
        {diff.removedNodes.map((node) => (
          <li key={node.id}>
            <StepName node={node} byType={byType} />
          </li>
        ))}
      </Group>
      <Group title="Connections added" count={diff.addedEdges.length} open={open}>
        {diff.addedEdges.map((edge) => (
          <li key={edgeKeyOf(edge)}>{describeEdge(edge, after, byType)}</li>
        ))}
      </Group>
      <Group title="Connections removed" count={diff.removedEdges.length} open={open}>
        {diff.removedEdges.map((edge) => (
          <li key={edgeKeyOf(edge)}>{describeEdge(edge, before, byType)}</li>
        ))}
      </Group>
    </div>
  );
}
