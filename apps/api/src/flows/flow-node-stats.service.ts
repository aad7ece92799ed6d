import { Inject, Injectable } from '@nestjs/common';
import type { FlowNodeStat, FlowNodeStatsQuery, FlowVersionStats } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { type FlowGraph, type FlowNode, getNodeDefinition } from '@baton/flow';
import { FlowReadService } from './flow-read.service';

/*
 * Per node of one published version, over the leads pinned to it and received in [from, to).
 *
 * Steps. The workflow writes each side effect of a step with step_id `<nodeId>#<visit>` (its own
 * events) or `<nodeId>#<visit>:<part>` (reminders, escalation rounds, ...). A step = one
 * (lead, node, visit). The trigger writes nothing, so every lead gets a trigger step at its
 * received time. Events of steps that are not nodes of this version (`received#1`, `flow#1`,
 * `action:<id>`) are ignored.
 *
 * Time spent (the approximation). A step is taken to start at its first recorded event and to end
 * when the lead's next step (in order of their first events) records its first event. Steps write
 * their event when their work is done (qualify after the model answers, notify after sending), so
 * the time is shifted by one step's own work; and a wait_for_contact that ends in contact before
 * its first reminder writes nothing at all, so its waiting time is counted in the step before it
 * (and the wait itself is not seen). Steps with no next step yet are left out of the median.
 *
 * Exit handle. In order: the handle the step recorded (`data.handle` of its own events: condition,
 * business hours, delay, assign "nobody", a dangling handle); `assigned` for an assigned event;
 * `breached` for a breached event; otherwise the one handle whose edge leads from this node to
 * the lead's next node in the version's graph. Unknown when none of these says.
 *
 * Leaked (see flowNodeStatSchema.leaked). A leak moment is a `breached` event (an SLA or an
 * escalation round ran out), the lead ending unhandled (an `unhandled` event, or a flow-finished
 * event with outcome unhandled), or the flow finishing with outcome `other` while the lead has no
 * owner and was never contacted. A lead leaked at a node when it has a leak moment at or after
 * its first entry into that node.
 */
const NODE_STATS_SQL = `
WITH version AS (
  SELECT graph FROM flow_versions WHERE id = $1
),
graph_nodes AS (
  SELECT n->>'id' AS node_id, n->>'type' AS type
  FROM version, jsonb_array_elements(version.graph->'nodes') AS n
),
graph_edges AS (
  SELECT e->>'source' AS source, e->>'sourceHandle' AS handle, e->>'target' AS target
  FROM version, jsonb_array_elements(version.graph->'edges') AS e
),
cohort AS (
  SELECT id, received_at FROM leads
  WHERE flow_version_id = $1
    AND ($2::timestamptz IS NULL OR received_at >= $2)
    AND ($3::timestamptz IS NULL OR received_at < $3)
),
step_events AS (
  SELECT e.lead_id, m.parts[1] AS node_id, m.parts[2]::int AS visit, m.parts[3] IS NULL AS own,
         e.id, e.type, e.occurred_at, e.data
  FROM cohort c
  JOIN lead_events e ON e.lead_id = c.id
  CROSS JOIN LATERAL regexp_match(e.step_id, '^(.+)#([0-9]+)(:.*)?$') AS m(parts)
  WHERE e.type <> 'received' AND m.parts IS NOT NULL
    AND m.parts[1] IN (SELECT node_id FROM graph_nodes)
  UNION ALL
  SELECT c.id, t.node_id, 1, false, 0, 'received', c.received_at, '{}'::jsonb
  FROM cohort c CROSS JOIN (SELECT node_id FROM graph_nodes WHERE type = 'trigger' LIMIT 1) t
),
steps AS (
  SELECT lead_id, node_id, visit,
         min(occurred_at) AS entered_at,
         min(id) AS first_event_id,
         coalesce(
           max(data->>'handle') FILTER (WHERE own),
           max(CASE type WHEN 'assigned' THEN 'assigned' WHEN 'breached' THEN 'breached' END)
             FILTER (WHERE own)
         ) AS recorded_handle
  FROM step_events
  GROUP BY lead_id, node_id, visit
),
walked AS (
  SELECT s.*,
         lead(node_id) OVER w AS next_node_id,
         lead(entered_at) OVER w AS next_entered_at
  FROM steps s
  WINDOW w AS (PARTITION BY lead_id ORDER BY entered_at, first_event_id)
),
exits AS (
  SELECT w.*,
         coalesce(w.recorded_handle, (
           SELECT min(ge.handle) FROM graph_edges ge
           WHERE ge.source = w.node_id AND ge.target = w.next_node_id
           HAVING count(DISTINCT ge.handle) = 1
         )) AS handle
  FROM walked w
),
leak_moments AS (
  SELECT e.lead_id, e.occurred_at
  FROM cohort c JOIN lead_events e ON e.lead_id = c.id
  WHERE e.type IN ('breached', 'unhandled')
     OR (e.type = 'routed' AND e.data->>'outcome' = 'unhandled')
  UNION ALL
  SELECT e.lead_id, e.occurred_at
  FROM cohort c
  JOIN leads l ON l.id = c.id
  JOIN lead_events e ON e.lead_id = c.id
  WHERE e.type = 'routed' AND e.data->>'outcome' = 'other'
    AND l.owner_id IS NULL AND l.first_contact_at IS NULL
),
leaked AS (
  SELECT f.node_id, count(*)::int AS n
  FROM (SELECT lead_id, node_id, min(entered_at) AS entered_at FROM steps GROUP BY lead_id, node_id) f
  WHERE EXISTS (
    SELECT 1 FROM leak_moments m WHERE m.lead_id = f.lead_id AND m.occurred_at >= f.entered_at
  )
  GROUP BY f.node_id
),
handle_counts AS (
  SELECT node_id, handle, count(*)::int AS n FROM exits WHERE handle IS NOT NULL
  GROUP BY node_id, handle
)
SELECT x.node_id,
       count(*)::int AS visits,
       count(DISTINCT x.lead_id)::int AS leads,
       count(x.handle)::int AS exited,
       count(x.next_entered_at)::int AS timed_visits,
       percentile_cont(0.5) WITHIN GROUP (
         ORDER BY extract(epoch FROM x.next_entered_at - x.entered_at)::float8
       ) AS median_seconds,
       (SELECT coalesce(jsonb_object_agg(h.handle, h.n), '{}'::jsonb)
        FROM handle_counts h WHERE h.node_id = x.node_id) AS handles,
       coalesce((SELECT l.n FROM leaked l WHERE l.node_id = x.node_id), 0) AS leaked,
       (SELECT count(*)::int FROM cohort) AS cohort_size
FROM exits x
GROUP BY x.node_id`;

interface NodeStatsRow {
  node_id: string;
  visits: number;
  leads: number;
  exited: number;
  timed_visits: number;
  median_seconds: number | null;
  handles: Record<string, number>;
  leaked: number;
  cohort_size: number;
}

/** Leads through each node of a version, median time spent and the share leaving each handle. */
@Injectable()
export class FlowNodeStatsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FlowReadService) private readonly read: FlowReadService,
  ) {}

  async stats(id: string, version: number, query: FlowNodeStatsQuery): Promise<FlowVersionStats> {
    const v = await this.read.version(id, version);
    const from = query.from ? new Date(query.from) : null;
    const to = query.to ? new Date(query.to) : null;
    const rows: NodeStatsRow[] = await this.db.query(NODE_STATS_SQL, [v.id, from, to]);
    const byNode = new Map(rows.map((r) => [r.node_id, r]));
    return {
      flowId: id,
      version,
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      // Every lead in the window has a trigger step, so no rows means no leads.
      leads: rows[0]?.cohort_size ?? 0,
      nodes: v.graph.nodes.map((node) => toNodeStat(node, v.graph, byNode.get(node.id))),
    };
  }
}

/**
 * Handles in the node type's order (rules then else, ...), then any others seen or wired. An
 * optional handle (notify's `failed`) shows only when it is wired or was taken.
 */
function handlesOf(node: FlowNode, graph: FlowGraph, seen: readonly string[]): string[] {
  const definition = getNodeDefinition(node.type);
  const parsed = definition?.configSchema.safeParse(node.data.config);
  const declared = definition && parsed?.success ? definition.requiredHandles(parsed.data) : [];
  const wired = graph.edges.filter((e) => e.source === node.id).map((e) => e.sourceHandle);
  return [...new Set([...declared, ...wired, ...seen])];
}

function toNodeStat(node: FlowNode, graph: FlowGraph, row: NodeStatsRow | undefined): FlowNodeStat {
  const counts = row?.handles ?? {};
  const exited = row?.exited ?? 0;
  const leads = row?.leads ?? 0;
  const leaked = row?.leaked ?? 0;
  return {
    nodeId: node.id,
    type: node.type,
    label: node.label ?? null,
    visits: row?.visits ?? 0,
    leads,
    exited,
    medianSeconds: row?.median_seconds ?? null,
    timedVisits: row?.timed_visits ?? 0,
    handles: handlesOf(node, graph, Object.keys(counts)).map((handle) => {
      const count = counts[handle] ?? 0;
      return { handle, count, share: exited === 0 ? 0 : count / exited };
    }),
    leaked,
    leakShare: leads === 0 ? 0 : leaked / leads,
  };
}
