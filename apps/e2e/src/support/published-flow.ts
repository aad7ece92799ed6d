import { sha256 } from '@baton/api';
import type { DataSource } from '@baton/db';
import type { FlowGraph } from '@baton/flow';

/**
 * Stores a flow with this graph as its published version 1 and a source (slug, API key) that
 * feeds it: the state the builder's Publish and the sources page leave behind.
 */
export async function publishFlowWithSource(
  ds: DataSource,
  graph: FlowGraph,
  source: { slug: string; apiKey: string; name?: string },
): Promise<{ flowId: string }> {
  const [flow]: { id: string }[] = await ds.query(
    `INSERT INTO flows (name, draft_graph) VALUES ($1, $2) RETURNING id`,
    [`Flow for ${source.slug}`, JSON.stringify(graph)],
  );
  if (!flow) throw new Error('the flow was not stored');
  const [version]: { id: string }[] = await ds.query(
    `INSERT INTO flow_versions (flow_id, version, graph) VALUES ($1, 1, $2) RETURNING id`,
    [flow.id, JSON.stringify(graph)],
  );
  await ds.query(`UPDATE flows SET published_version_id = $1 WHERE id = $2`, [
    version?.id,
    flow.id,
  ]);
  await ds.query(
    `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix, flow_id) VALUES ($1, $2, $3, $4, $5)`,
    [
      source.slug,
      source.name ?? 'Website',
      sha256(source.apiKey),
      source.apiKey.slice(0, 8),
      flow.id,
    ],
  );
  return { flowId: flow.id };
}
