import { scheduleSchema } from '../business-time/schedule.schema';
import { flowGraphSchema } from '../graph/flow-graph.schema';
import { validateGraph } from '../validation/validate-graph';
import { createDemoFlowGraph, demoFlowGraph, demoFlowRefs } from './demo-flow.graph';
import { demoOfficeHours } from './demo-office-hours.schedule';

describe('demoFlowGraph', () => {
  it('validates, including its references to the demo team and schedule', () => {
    const result = validateGraph(demoFlowGraph, {
      references: { teamIds: [demoFlowRefs.teamId], scheduleIds: [demoFlowRefs.scheduleId] },
    });
    expect(result).toEqual({ ok: true, problems: [] });
  });

  it('is already in canonical, JSON-safe form', () => {
    expect(flowGraphSchema.parse(demoFlowGraph)).toEqual(demoFlowGraph);
    expect(JSON.parse(JSON.stringify(demoFlowGraph))).toEqual(demoFlowGraph);
  });

  it('uses readable ids and labels every node', () => {
    for (const node of demoFlowGraph.nodes) {
      expect(node.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(node.label).toBeTruthy();
    }
    expect(demoFlowGraph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['trigger', 'qualify', 'hot-or-not']),
    );
  });

  it('points at the ids it is given', () => {
    const graph = createDemoFlowGraph({ teamId: 'team-x', scheduleId: 'sched-y' });
    const text = JSON.stringify(graph);
    expect(text).toContain('"teamId":"team-x"');
    expect(text).toContain('"scheduleId":"sched-y"');
    expect(text).not.toContain(demoFlowRefs.teamId);
  });

  it('ships a valid office-hours schedule for the seed', () => {
    expect(scheduleSchema.parse(demoOfficeHours)).toEqual(demoOfficeHours);
  });
});
