// What the API, the worker and the workflow agree on.

export const HANDOFF_TASK_QUEUE_DEFAULT = 'baton-handoff';
export const LEAD_HANDOFF_WORKFLOW = 'leadHandoff';

/**
 * Model calls run on their own task queue, polled by a worker that runs only as many at once as
 * the model can serve (OLLAMA_PARALLEL): a burst of leads queues there instead of timing out
 * together against a model that answers one call at a time.
 */
export const modelTaskQueueFor = (taskQueue: string): string => `${taskQueue}-model`;

/** One workflow per lead, ever: starting it twice is a no-op by construction. */
export const leadWorkflowId = (leadId: string): string => `lead-${leadId}`;

export interface LeadHandoffInput {
  leadId: string;
  /** Set when the workflow continued as new: where to pick up. */
  resume?: HandoffSnapshot;
  /** Continue as new past this many history events (default 2,000; tests set it low). */
  historyLimit?: number;
}

/** Everything the workflow must carry across continue-as-new. */
export interface HandoffSnapshot {
  nodeId: string;
  visits: Record<string, number>;
  ownerId: string | null;
  heldBy: string[];
  eligibleUserIds: string[];
  contactedAt: string | null;
  /** Absent in snapshots taken before claims were acknowledgements. */
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
  qualification: Record<string, unknown>;
}
