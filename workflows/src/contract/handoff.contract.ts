// What the API, the worker and the workflow agree on. No runtime imports: safe everywhere.

export const HANDOFF_TASK_QUEUE_DEFAULT = 'baton-handoff';
export const LEAD_HANDOFF_WORKFLOW = 'leadHandoff';

/** One workflow per lead, ever: starting it twice is a no-op by construction. */
export const leadWorkflowId = (leadId: string): string => `lead-${leadId}`;

export interface LeadHandoffInput {
  leadId: string;
}
