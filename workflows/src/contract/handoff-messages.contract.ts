// Names and payloads of what people (through the API) can tell a running handoff, and what they
// can ask it. Definitions come from @temporalio/workflow, which is safe to import in clients.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export interface ActionBase {
  /** Unique per request (the API generates it): makes a retried action idempotent. */
  actionId: string;
  userId: string;
}

export interface ContactedAction extends ActionBase {
  at?: string;
}
/** Claim an unowned or pooled lead; by its current owner, acknowledge it. */
export type ClaimAction = ActionBase;
export interface ReassignAction extends ActionBase {
  toUserId: string | null;
  reason: string;
}
export interface DisqualifyAction extends ActionBase {
  reason: string;
  /** Disqualified as spam: the lead is set aside in the inbox's Spam view. */
  spam?: boolean;
}
export interface NoteAction extends ActionBase {
  text: string;
}

export interface ActionResult {
  ok: true;
  ownerId: string | null;
  status: HandoffView['status'];
}

export interface HandoffView {
  status: 'running' | 'waiting_for_contact' | 'escalating' | 'parked' | 'finished';
  currentNodeId: string | null;
  ownerId: string | null;
  heldBy: string[];
  contactedAt: string | null;
  /** When someone took responsibility (claim, or the owner's acknowledge), and who. */
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  outcome: string | null;
  deadlines: {
    slaDueAt: string | null;
    nextReminderAt: string | null;
    escalationRound: number | null;
  };
  /** The last steps taken, oldest first: nodeId, the handle it left by, and when. */
  path: { nodeId: string; handle: string | null; at: string }[];
}

export const contactedUpdate = defineUpdate<ActionResult, [ContactedAction]>('contacted');
export const claimUpdate = defineUpdate<ActionResult, [ClaimAction]>('claim');
export const reassignUpdate = defineUpdate<ActionResult, [ReassignAction]>('reassign');
export const disqualifyUpdate = defineUpdate<ActionResult, [DisqualifyAction]>('disqualify');
export const noteSignal = defineSignal<[NoteAction]>('note');
export const handoffStateQuery = defineQuery<HandoffView>('state');
