import type { Schedule } from '../business-time/schedule.schema';
import type { AssignConfig, AssignStrategy } from '../nodes/assign/assign.node';
import type { Facts } from '../conditions/facts';
import { assignmentPool, assignmentPoolKey } from './assignment-pool';
import { assignmentStrategies } from './assignment-strategies';
import { isNonEmpty, type Candidate, type StrategyInput } from './assignment-strategy';
import { unavailableReason } from './check-availability';
import type { RosterPerson } from './roster';

export interface PickAssigneeContext {
  now: Date;
  schedules?: Readonly<Record<string, Schedule>>;
  /** Round-robin position for this pool (AssignmentCursor.position); 0 for a new pool. */
  cursor?: number;
  /** Leads handed out through this pool, per person (AssignmentCursor.counts). */
  counts?: Readonly<Record<string, number>>;
  /** People who must not get it (they held it before: escalation reassigns to someone new). */
  excludeUserIds?: readonly string[];
  /** The lead's facts, read by the match strategy. */
  facts?: Facts;
}

export interface ConsideredPerson {
  userId: string;
  name?: string;
  eligible: boolean;
  /** Why skipped ("away", "at capacity 5/5", ...), or why available / chosen. */
  reason: string;
}

export interface PickAssigneeResult {
  userId: string | null;
  strategy: AssignStrategy;
  poolKey: string;
  /** Everyone in the pool, in pool order, with the verdict on each. */
  considered: ConsideredPerson[];
  explanation: string;
  /** Round robin: the pool's cursor after this pick; store it when the assignment is committed. */
  nextCursor?: number;
}

/**
 * Chooses an owner for a lead. Pure and deterministic: the same roster, time and cursor give the
 * same person, so the workflow, the database activity and the simulator agree on who and why.
 */
export function pickAssignee(
  config: AssignConfig,
  roster: readonly RosterPerson[],
  context: PickAssigneeContext,
): PickAssigneeResult {
  const strategy = assignmentStrategies[config.strategy];
  const pool = assignmentPool(config, roster);
  const input: StrategyInput = {
    config,
    poolSize: pool.length,
    cursor: context.cursor ?? 0,
    counts: context.counts ?? {},
    facts: context.facts,
  };
  const availability = {
    now: context.now,
    schedules: context.schedules,
    respectSchedules: config.respectSchedules,
    excluded: new Set(context.excludeUserIds ?? []),
  };

  const considered: ConsideredPerson[] = [];
  const candidates: Candidate[] = [];
  pool.forEach((person, poolIndex) => {
    const skip =
      unavailableReason(person, availability) ?? strategy.mismatch?.(person, input) ?? null;
    considered.push({
      userId: person.id,
      name: person.name,
      eligible: skip === null,
      reason: skip ?? availableReason(person),
    });
    if (skip === null) candidates.push({ person, poolIndex });
  });

  const base = { strategy: config.strategy, poolKey: assignmentPoolKey(config), considered };
  if (config.strategy === 'specific_user' && pool.length === 0 && config.userId) {
    considered.push({
      userId: config.userId,
      eligible: false,
      reason: 'not in the roster (removed or deactivated?)',
    });
  }
  if (!isNonEmpty(candidates)) {
    return { ...base, userId: null, explanation: nobodyExplanation(considered) };
  }

  const choice = strategy.choose(candidates, input);
  const chosen = choice.candidate.person;
  const entry = considered[choice.candidate.poolIndex];
  if (entry) entry.reason = `chosen: ${choice.why}`;
  const skipped = considered.filter((c) => !c.eligible);
  const skippedText = skipped.length > 0 ? `; skipped ${skipped.map(describeSkip).join(', ')}` : '';
  return {
    ...base,
    userId: chosen.id,
    explanation: `Assigned to ${chosen.name} (${choice.why})${skippedText}.`,
    ...(choice.nextCursor === undefined ? {} : { nextCursor: choice.nextCursor }),
  };
}

function availableReason(person: RosterPerson): string {
  const cap = person.capacity != null ? ` of ${person.capacity}` : '';
  return `available (${person.openLeads}${cap} open leads)`;
}

const describeSkip = (c: ConsideredPerson): string => `${c.name ?? c.userId} (${c.reason})`;

function nobodyExplanation(considered: readonly ConsideredPerson[]): string {
  if (considered.length === 0) return 'Nobody to assign: the pool is empty.';
  return `Nobody available: ${considered.map(describeSkip).join(', ')}.`;
}
