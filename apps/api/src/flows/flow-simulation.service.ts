import { Inject, Injectable } from '@nestjs/common';
import type { FlowSimulation, FlowSimulationRequest } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import {
  type FlowGraph,
  safeParseNodeConfig,
  simulate,
  type SimulationResult,
  type SimulationStep,
} from '@baton/flow';
import { qualifyByHeuristics } from '@baton/qualify';
import { FlowReadService } from './flow-read.service';
import { loadSimulationWorld, type SimulationWorld } from './simulation-roster';

/**
 * "What would happen to this lead?": walks the DRAFT with today's roster, schedules and
 * round-robin positions, without any side effect (nothing is written, nobody is notified).
 */
@Injectable()
export class FlowSimulationService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FlowReadService) private readonly read: FlowReadService,
  ) {}

  async simulate(id: string, body: FlowSimulationRequest): Promise<FlowSimulation> {
    const { draftGraph } = await this.read.draft(id);
    return this.simulateGraph(draftGraph, body, await loadSimulationWorld(this.db));
  }

  /** The same walk on any graph (a draft, a published version) in a world already loaded. */
  simulateGraph(
    draftGraph: FlowGraph,
    body: FlowSimulationRequest,
    world: SimulationWorld,
  ): FlowSimulation {
    const now = body.at ? new Date(body.at) : new Date();
    const { context, ...contact } = body.lead;
    const qualification = body.qualification
      ? { source: 'given' as const, values: body.qualification }
      : {
          source: 'heuristic' as const,
          values: scoreByHeuristics(draftGraph, body.lead),
        };
    const result = simulate(
      draftGraph,
      // The facts a real lead has under `lead.` (see the worker's loadLeadFacts).
      {
        name: contact.name,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        company: contact.company ?? null,
        message: contact.message ?? null,
        customFields: contact.customFields ?? {},
        receivedAt: now.toISOString(),
      },
      {
        now,
        roster: world.roster,
        schedules: world.schedules,
        teams: world.teams,
        cursors: world.cursors,
        context: context ?? {},
        qualification: qualification.values,
        ...(body.breached !== undefined ? { breached: body.breached } : {}),
      },
    );
    const owner = world.roster.find((p) => p.id === result.ownerId);
    return {
      ...toView(result, owner ? { id: owner.id, name: owner.name } : null),
      qualification,
    };
  }
}

/**
 * A typed lead scored as the worker's fallback would score it (same heuristic, the profile of
 * the draft's first qualify step), so the walk takes the branch a real lead like it would, not
 * `else` for want of a score. The model is not asked: a simulation must answer at once.
 */
function scoreByHeuristics(
  graph: FlowGraph,
  lead: FlowSimulationRequest['lead'],
): Record<string, unknown> {
  const step = graph.nodes.find((node) => node.type === 'qualify');
  const parsed = step ? safeParseNodeConfig('qualify', step.data?.config ?? {}) : null;
  const profile = parsed?.success ? parsed.config.profile : undefined;
  const { context, customFields, ...contact } = lead;
  return {
    ...qualifyByHeuristics(
      { ...contact, customFields: customFields ?? {}, context: context ?? {} },
      profile ? { profile } : undefined,
    ),
  };
}

const iso = (d: Date) => d.toISOString();

function toStepView(step: SimulationStep): FlowSimulation['path'][number] {
  const { at, deadline, reminders, ...rest } = step;
  return {
    ...rest,
    at: iso(at),
    ...(deadline ? { deadline: iso(deadline) } : {}),
    ...(reminders ? { reminders: reminders.map(iso) } : {}),
  };
}

function toView(
  result: SimulationResult,
  owner: FlowSimulation['owner'],
): Omit<FlowSimulation, 'qualification'> {
  return {
    path: result.path.map(toStepView),
    outcome: { ...result.outcome, at: iso(result.outcome.at) },
    owner,
    problems: result.problems,
  };
}
