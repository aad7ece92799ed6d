import { Inject, Injectable } from '@nestjs/common';
import type { FlowSimulation, FlowSimulationRequest } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { simulate, type SimulationResult, type SimulationStep } from '@baton/flow';
import { FlowReadService } from './flow-read.service';
import { loadSimulationWorld } from './simulation-roster';

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
    const world = await loadSimulationWorld(this.db);
    const now = body.at ? new Date(body.at) : new Date();
    const { context, ...contact } = body.lead;
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
        ...(body.qualification ? { qualification: body.qualification } : {}),
        ...(body.breached !== undefined ? { breached: body.breached } : {}),
      },
    );
    const owner = world.roster.find((p) => p.id === result.ownerId);
    return toView(result, owner ? { id: owner.id, name: owner.name } : null);
  }
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

function toView(result: SimulationResult, owner: FlowSimulation['owner']): FlowSimulation {
  return {
    path: result.path.map(toStepView),
    outcome: { ...result.outcome, at: iso(result.outcome.at) },
    owner,
    problems: result.problems,
  };
}
