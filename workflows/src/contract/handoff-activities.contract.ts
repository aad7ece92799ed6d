// The side effects the handoff workflow needs, implemented by apps/worker. The workflow imports
// these as types only; every call carries a deterministic step id (`<nodeId>#<visit>`), which the
// implementation uses to make retries idempotent in the database.

export interface StepRef {
  leadId: string;
  stepId: string;
}

export interface HandoffLeadContext {
  leadId: string;
  receivedAt: string;
  status: string;
}

export interface RecordEventInput extends StepRef {
  type: 'received' | 'routed' | 'error' | 'note';
  data?: Record<string, unknown>;
}

export interface HandoffActivities {
  /** Loads what the workflow needs to start; throws a non-retryable failure if the lead is gone. */
  loadLeadContext(leadId: string): Promise<HandoffLeadContext>;
  /** Appends a timeline event once per (lead, step, type); returns false when it already existed. */
  recordEvent(input: RecordEventInput): Promise<boolean>;
}
