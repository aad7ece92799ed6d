import type { FlowGraph } from '@baton/flow';
import { leakedOf, type CanvasAnnotations } from './flow-canvas-annotations';

/** What the live numbers on the canvas mean, and where leads leak most. */
export function FlowLiveSummary({
  version,
  graph,
  annotations,
}: {
  version: number;
  graph: FlowGraph;
  annotations: Extract<CanvasAnnotations, { kind: 'stats' }>;
}) {
  const worst = annotations.worstLeak ? annotations.nodes.get(annotations.worstLeak) : undefined;
  const worstName = worst
    ? (graph.nodes.find((n) => n.id === worst.nodeId)?.label ?? worst.nodeId)
    : null;
  return (
    <aside className="card flow-panel flow-live-panel" aria-label="Live numbers">
      <div className="flow-panel-body">
        <p className="flow-panel-type">Live numbers · version {version}</p>
        {annotations.leads === 0 ? (
          <p>
            No lead has run through version {version} yet. Once sources send leads, each step shows
            how many passed, how long they stayed and where they went.
          </p>
        ) : (
          <>
            <p className="flow-live-total">
              <strong>{annotations.leads}</strong> {annotations.leads === 1 ? 'lead' : 'leads'} on
              this version
            </p>
            {worst && worstName ? (
              <p className="flow-live-leak" data-testid="flow-live-worst-leak">
                Most leads leak after <strong>{worstName}</strong>: {leakedOf(worst)} of{' '}
                {worst.leads} breached their SLA or ended unhandled.
              </p>
            ) : (
              <p>No lead has breached its SLA or ended unhandled.</p>
            )}
          </>
        )}
        <dl className="flow-live-legend">
          <div>
            <dt>Leads</dt>
            <dd>leads that reached the step</dd>
          </div>
          <div>
            <dt>Median here</dt>
            <dd>the middle time leads spent at the step</dd>
          </div>
          <div>
            <dt>% on an exit</dt>
            <dd>the share of leads that left that way</dd>
          </div>
          <div>
            <dt>Leaked</dt>
            <dd>leads that later breached or ended unhandled</dd>
          </div>
        </dl>
      </div>
    </aside>
  );
}
