// The side effects the handoff workflow needs, implemented by apps/worker. The workflow imports
// these as types only. Every call carries a deterministic step id (`<nodeId>#<visit>`, or
// `action:<id>` for a person's action), which the implementation uses to make retries idempotent
// in the database: a retried step never assigns, notifies or records twice.
import type { FlowGraph, Schedule } from '@baton/flow';

export interface StepRef {
  leadId: string;
  stepId: string;
}

/** What the workflow needs to walk the flow, loaded once at the start. */
export interface HandoffStart {
  leadId: string;
  receivedAt: string;
  status: string;
  ownerId: string | null;
  /** Facts the conditions read: lead.*, context.* (qualification is added by the qualify step). */
  facts: { lead: Record<string, unknown>; context: Record<string, unknown> };
  /** The lead's pinned flow version; null when its source has no published flow. */
  flow: { versionId: string; graph: FlowGraph } | null;
  /** Every schedule the graph, the team or the people refer to, by id. */
  schedules: Record<string, Schedule>;
  /** Schedule used for business-time SLAs that name none (the source's team's). */
  defaultScheduleId: string | null;
}

export type TimelineEventType = 'received' | 'routed' | 'error' | 'note' | 'reminded' | 'unhandled';

export interface RecordEventInput extends StepRef {
  type: TimelineEventType;
  data?: Record<string, unknown>;
  actorUserId?: string;
  /** Also alert the lead's owner and managers in-app with this title (a step that failed). */
  alert?: string;
}

export interface QualifyInput extends StepRef {
  config: Record<string, unknown>;
}
export interface QualifyResult {
  qualification: Record<string, unknown>;
}

/** The model scores the lead (on the model task queue); it stores its answer before returning. */
export interface ModelQualifyInput extends StepRef {
  config: Record<string, unknown>;
  /** decide_now: the step id of the heuristic score this answer refines. */
  refines?: string;
}

/** Why the heuristic scored the lead instead of (or before) the model; the timeline says it. */
export interface HeuristicBecause {
  kind: 'model_busy' | 'model_down' | 'decide_now';
  detail: string;
}

export interface HeuristicQualifyInput extends StepRef {
  config: Record<string, unknown>;
  because: HeuristicBecause;
  /** How long the lead waited for the model before the heuristic stepped in. */
  waitedMs?: number;
}

/** The model's score, or why it gave none (expected, so not a failure: nothing to retry). */
export type ModelQualifyResult = QualifyResult | { miss: HeuristicBecause };

/** Activities of the model task queue (`modelTaskQueueFor`), run OLLAMA_PARALLEL at a time. */
export interface ModelActivities {
  /**
   * Asks the model within what is left of the activity's schedule-to-close budget; a stored
   * answer for the step is returned without asking again. A model that is down, not configured
   * or too slow for the budget left is a `miss`; a spent budget is the activity's timeout.
   */
  qualifyWithModel(input: ModelQualifyInput): Promise<ModelQualifyResult>;
}

export interface AssignInput extends StepRef {
  config: Record<string, unknown>;
  /** People who held the lead before: escalation reassigns to someone new. */
  excludeUserIds: string[];
  reason: 'route' | 'escalation';
}
export interface AssignResult {
  ownerId: string | null;
  ownerName: string | null;
  explanation: string;
  /** Everyone in the pool and whether they could take it (the claim validator reads this). */
  eligibleUserIds: string[];
}

export interface NotifyInput extends StepRef {
  config: Record<string, unknown>;
}
export interface NotifyResult {
  delivered: number;
  skipped?: string;
}

export interface WebhookInput extends StepRef {
  config: Record<string, unknown>;
}

export interface BookMeetingInput extends StepRef {
  config: Record<string, unknown>;
}
export type BookMeetingResult =
  | { outcome: 'booked'; bookingId?: string; startsAt?: string }
  | { outcome: 'failed'; reason?: string };
/** A `custom` step: the plugin activity to run and its (not yet checked) input. */
export interface CustomActivityInput extends StepRef {
  activity: string;
  version: string;
  input: Record<string, unknown>;
}

export interface CustomActivityResult {
  /** The out handle the activity chose (one it declared). */
  handle: string;
  output: unknown;
}

export interface SlaStartInput extends StepRef {
  dueAt: string;
}

export interface ReminderInput extends StepRef {
  ownerId: string | null;
  minutesLeft: number;
}

export interface BreachInput extends StepRef {
  ownerId: string | null;
  dueAt: string;
}

export interface EscalateInput extends StepRef {
  round: number;
  maxRounds: number;
  ownerId: string | null;
  notifyManager: boolean;
}

export interface FinishInput extends StepRef {
  outcome: 'contacted' | 'disqualified' | 'unhandled' | 'spam' | 'other';
}

export interface ContactInput extends StepRef {
  userId: string;
  at: string;
}

export interface ClaimInput extends StepRef {
  userId: string;
}
export interface ClaimResult {
  ok: boolean;
  reason: string;
  ownerName?: string;
}

/** Someone took responsibility: the first claim, or the owner's explicit acknowledge. */
export interface AcknowledgeInput extends StepRef {
  userId: string;
  /** Workflow time of the acknowledgement (deterministic). */
  at: string;
  via: 'claim' | 'acknowledge';
}
export interface AcknowledgeResult {
  /** When the lead was first acknowledged (this time, or an earlier one already stored). */
  acknowledgedAt: string;
  /** Open reminders and escalations about the lead that were addressed to others, now withdrawn. */
  withdrawnAlerts: number;
}

export interface ReassignInput extends StepRef {
  byUserId: string;
  /** A specific person, or null for "the next eligible person who has not held it". */
  toUserId: string | null;
  excludeUserIds: string[];
  reason: string;
  /** The assign config the flow last used, for "the next eligible person". */
  config?: Record<string, unknown> | null;
}

export interface DisqualifyInput extends StepRef {
  byUserId: string;
  reason: string;
  spam?: boolean;
}

export interface NoteInput extends StepRef {
  byUserId: string;
  text: string;
}

/** @deprecated Only for histories recorded before the flow engine (patch `flow-engine-v1`). */
export interface LegacyLeadContext {
  leadId: string;
  receivedAt: string;
  status: string;
}

export interface HandoffActivities {
  /** @deprecated Replayed by pre-engine histories only; use loadHandoffStart. */
  loadLeadContext(leadId: string): Promise<LegacyLeadContext>;
  /** Loads the lead, its pinned flow and schedules; non-retryable failure if the lead is gone. */
  loadHandoffStart(leadId: string): Promise<HandoffStart>;
  /** Appends a timeline event once per (lead, step, type); false when it already existed. */
  recordEvent(input: RecordEventInput): Promise<boolean>;
  /** @deprecated Model and fallback in one call; replayed by histories before `qualify-model-queue`. */
  qualifyLead(input: QualifyInput): Promise<QualifyResult>;
  /** Scores with the heuristic and stores it with the reason, unless the step already has a score. */
  qualifyWithHeuristic(input: HeuristicQualifyInput): Promise<QualifyResult>;
  /** Picks and stores an owner in one transaction (round-robin cursor locked), with the why. */
  assignLead(input: AssignInput): Promise<AssignResult>;
  notify(input: NotifyInput): Promise<NotifyResult>;
  callWebhook(input: WebhookInput): Promise<{ status: number }>;
  /** Books the owner's first free slot and emails the lead and owner an invite. */
  bookMeeting(input: BookMeetingInput): Promise<BookMeetingResult>;
  /** Runs a plugin activity (BATON_PLUGINS); a missing activity or version fails for good. */
  runCustomActivity(input: CustomActivityInput): Promise<CustomActivityResult>;
  startSla(input: SlaStartInput): Promise<void>;
  remindOwner(input: ReminderInput): Promise<void>;
  /** Records the breach; flags (and optionally sets away) a rep who breaches repeatedly. */
  recordBreach(input: BreachInput): Promise<void>;
  escalate(input: EscalateInput): Promise<void>;
  finishLead(input: FinishInput): Promise<void>;
  markContacted(input: ContactInput): Promise<void>;
  claimLead(input: ClaimInput): Promise<ClaimResult>;
  /**
   * Records the acknowledgement once per lead (event + acknowledged_at) and withdraws the open
   * reminders and escalations about it addressed to anyone else.
   */
  acknowledgeLead(input: AcknowledgeInput): Promise<AcknowledgeResult>;
  reassignLead(input: ReassignInput): Promise<AssignResult>;
  disqualifyLead(input: DisqualifyInput): Promise<void>;
  addNote(input: NoteInput): Promise<void>;
}
