import type { AssignConfig } from '../nodes/assign/assign.node';
import type { Facts } from '../conditions/facts';
import type { RosterPerson } from './roster';

export type NonEmpty<T> = readonly [T, ...T[]];

export const isNonEmpty = <T>(items: readonly T[]): items is NonEmpty<T> => items.length > 0;

/** A pool member who passed every check, with their place in the (sorted) pool. */
export interface Candidate {
  person: RosterPerson;
  poolIndex: number;
}

export interface StrategyInput {
  config: AssignConfig;
  poolSize: number;
  cursor: number;
  counts: Readonly<Record<string, number>>;
  facts: Facts | undefined;
}

export interface StrategyChoice {
  candidate: Candidate;
  /** Why this one, e.g. "next in the rotation". */
  why: string;
  nextCursor?: number;
}

/** One way of choosing among available people; `assignmentStrategies` holds one per strategy. */
export interface AssignmentStrategy {
  /** Why a person does not fit this lead under this strategy (a missing skill); null when they do. */
  mismatch?(person: RosterPerson, input: StrategyInput): string | null;
  /** Picks one of the pool-ordered candidates. Deterministic: no randomness. */
  choose(candidates: NonEmpty<Candidate>, input: StrategyInput): StrategyChoice;
}
