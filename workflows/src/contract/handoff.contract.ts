// What the API, the worker and the workflow agree on.

export const HANDOFF_TASK_QUEUE_DEFAULT = 'baton-handoff';
export const LEAD_HANDOFF_WORKFLOW = 'leadHandoff';

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
  qualification: Record<string, unknown>;
}
