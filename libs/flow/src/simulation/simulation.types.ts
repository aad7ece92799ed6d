import type { PickAssigneeResult } from '../assignment/pick-assignee';
import type { RosterPerson } from '../assignment/roster';
import type { Schedule } from '../business-time/schedule.schema';
import type { AssignConfig } from '../nodes/assign/assign.node';
import type { EndOutcome } from '../nodes/end/end.node';
import type { ConditionBranch } from '../conditions/choose-condition-branch';
import type { Facts } from '../conditions/facts';
import type { GraphProblem } from '../validation/graph-problem';

export interface SimulatedTeam {
  id: string;
  name?: string;
  managerId?: string | null;
}

export interface SimulateOptions {
  /** When the lead arrives; the simulated clock starts here. */
  now: Date;
  roster: readonly RosterPerson[];
  /** Schedules by id. */
  schedules: Readonly<Record<string, Schedule>>;
  /** What the qualify step would produce (score, intent, spam, ...); empty when not given. */
  qualification?: Readonly<Record<string, unknown>>;
  /** Source context facts (`context.utm.source`, `context.form`, ...). */
  context?: Readonly<Record<string, unknown>>;
  /** For naming managers in escalations. */
  teams?: readonly SimulatedTeam[];
  /** Which waits run out: true = every wait_for_contact (and escalation round), or these node ids. Default: contact is made. */
  breached?: boolean | readonly string[];
  /** Round-robin cursors by pool key (see assignmentPoolKey); 0 when absent. */
  cursors?: Readonly<Record<string, number>>;
  /** Stop after this many steps (a loop through a wait can go round for ever). Default 200. */
  maxSteps?: number;
}

/** The lead as facts see it under `lead.` (name, email, company, customFields, ...). */
export type SimulatedLead = Readonly<Record<string, unknown>>;

export interface SimulationStep {
  nodeId: string;
  type: string;
  /** The exit taken; null at an End or where the walk stopped. */
  handle: string | null;
  reason: string;
  /** Simulated time when the lead reached this step. */
  at: Date;
  condition?: ConditionBranch;
  assignment?: PickAssigneeResult;
  /** Notify: the message as it would be sent. */
  message?: { channel: string; to: string; subject?: string; body: string };
  deadline?: Date;
  reminders?: Date[];
}

export type SimulationOutcome =
  | { kind: 'ended'; outcome: EndOutcome; nodeId: string; at: Date }
  | { kind: 'stopped'; code: SimulationStopCode; reason: string; nodeId?: string; at: Date };

/** Why a walk ended somewhere other than an End node. */
export type SimulationStopCode =
  | 'malformed_graph'
  | 'no_trigger'
  | 'unknown_node_type'
  | 'node_failed'
  | 'unconnected_handle'
  | 'dangling_edge'
  | 'max_steps';

export interface SimulationResult {
  path: SimulationStep[];
  outcome: SimulationOutcome;
  /** Who owns the lead at the end of the walk. */
  ownerId: string | null;
  /** Validation problems of the graph; the walk still runs as far as it can. */
  problems: GraphProblem[];
}

/** What the walk carries from step to step. */
export interface SimulationState {
  now: Date;
  facts: Facts;
  ownerId: string | null;
  /** Everyone who has held the lead, in order (escalation never hands it back to them). */
  holders: readonly string[];
  /** The last assign step's settings, reused when an escalation reassigns. */
  lastAssign: AssignConfig | undefined;
  cursors: Readonly<Record<string, number>>;
  counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}
