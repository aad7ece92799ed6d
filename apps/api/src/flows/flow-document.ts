import { FLOW_DOCUMENT_KIND, FLOW_DOCUMENT_VERSION, type FlowDocument } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';

/** A flow as a portable file: name, description and graph; ids of people etc. travel as they are. */
export function toFlowDocument(
  flow: { name: string; description: string; graph: FlowGraph },
  exportedAt: Date,
): FlowDocument {
  return {
    kind: FLOW_DOCUMENT_KIND,
    version: FLOW_DOCUMENT_VERSION,
    name: flow.name,
    description: flow.description,
    graph: flow.graph,
    exportedAt: exportedAt.toISOString(),
  };
}

/** `inbound-routing.v3.baton-flow.json`: safe in a Content-Disposition header without quoting tricks. */
export function flowDocumentFileName(name: string, version?: number): string {
  const slug =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'flow';
  return `${slug}${version ? `.v${version}` : ''}.baton-flow.json`;
}
