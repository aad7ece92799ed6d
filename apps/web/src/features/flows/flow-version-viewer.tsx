import type { FlowVersionView, NodeTypeDescriptionView } from '@baton/api-contract';
import { useEffect, useId, useRef } from 'react';
import { formatDateTime } from '../../time/format-date-time';
import { FlowCanvas } from './flow-canvas';
import './flow-history.css';

interface FlowVersionViewerProps {
  version: FlowVersionView;
  catalogue: NodeTypeDescriptionView[];
  names?: ReadonlyMap<string, string>;
  onBack(): void;
}

// A published version passed validation when it was published, so it is drawn without problems.
const noProblems: never[] = [];

/** A published version on the canvas, read-only, under a banner that leads back to the draft. */
export function FlowVersionViewer({ version, catalogue, names, onBack }: FlowVersionViewerProps) {
  const titleId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  // Where the reader is now: the banner says which version this is.
  useEffect(() => title.current?.focus(), [version.version]);
  return (
    <section className="flow-version-viewer" aria-labelledby={titleId}>
      <div className="flow-version-banner" data-testid="flow-version-banner">
        <h2 className="flow-version-banner-title" id={titleId} ref={title} tabIndex={-1}>
          Viewing version {version.version} (read-only)
        </h2>
        <span className="flow-version-banner-meta">
          Published{' '}
          <time dateTime={version.publishedAt}>{formatDateTime(version.publishedAt)}</time>
          {version.publishedBy && ` by ${version.publishedBy.name}`}
          {version.current && ' · live now'}
        </span>
        <span aria-hidden="true">·</span>
        <button type="button" className="button" onClick={onBack}>
          Back to draft
        </button>
      </div>
      <FlowCanvas graph={version.graph} catalogue={catalogue} problems={noProblems} names={names} />
    </section>
  );
}
