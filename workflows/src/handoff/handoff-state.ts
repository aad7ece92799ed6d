import type { Facts } from '@baton/flow';
import type { HandoffSnapshot } from '../contract/handoff.contract';
import type { HandoffView } from '../contract/handoff-messages.contract';
import { BackgroundSteps } from './background-steps';

const PATH_LIMIT = 50;

/** The workflow's memory of one lead; what the query shows and continue-as-new carries. */
export class HandoffState {
  status: HandoffView['status'] = 'running';
  currentNodeId: string | null = null;
  visits: Record<string, number> = {};
  ownerId: string | null = null;
  heldBy: string[] = [];
  /** People the last assignment found eligible: a claim by anyone else is rejected. */
  eligibleUserIds: string[] = [];
  contactedAt: string | null = null;
  /** Set by the first claim or the owner's acknowledge (patch `claim-acknowledges`). */
  acknowledgedAt: string | null = null;
  acknowledgedBy: string | null = null;
  /** Set by disqualify: the walk stops at the next step. */
  stoppedAs: 'disqualified' | null = null;
  outcome: string | null = null;
  slaDueAt: string | null = null;
  nextReminderAt: string | null = null;
  escalationRound: number | null = null;
  /** The assign config last used, so escalation reassigns the same way. */
  lastAssignConfig: Record<string, unknown> | null = null;
  path: HandoffView['path'] = [];
  /** Started by steps that did not wait for it (decide_now's model call); settled before the run ends. */
  readonly background = new BackgroundSteps();

  constructor(
    readonly leadId: string,
    readonly facts: Facts,
  ) {}

  /** True once nobody needs chasing any more: contacted or stopped by a person. */
  get settled(): boolean {
    return this.contactedAt !== null || this.stoppedAs !== null;
  }

  /** The lead's current owner has taken responsibility for it: chasing others is pointless. */
  get acknowledgedByOwner(): boolean {
    return this.acknowledgedBy !== null && this.acknowledgedBy === this.ownerId;
  }

  setOwner(ownerId: string | null): void {
    this.ownerId = ownerId;
    if (ownerId && !this.heldBy.includes(ownerId)) this.heldBy.push(ownerId);
  }

  enter(nodeId: string, at: Date): string {
    this.currentNodeId = nodeId;
    const visit = (this.visits[nodeId] ?? 0) + 1;
    this.visits[nodeId] = visit;
    this.path.push({ nodeId, handle: null, at: at.toISOString() });
    if (this.path.length > PATH_LIMIT) this.path.splice(0, this.path.length - PATH_LIMIT);
    return `${nodeId}#${visit}`;
  }

  leave(handle: string): void {
    const last = this.path[this.path.length - 1];
    if (last) last.handle = handle;
  }

  view(): HandoffView {
    return {
      status: this.status,
      currentNodeId: this.currentNodeId,
      ownerId: this.ownerId,
      heldBy: [...this.heldBy],
      contactedAt: this.contactedAt,
      acknowledgedAt: this.acknowledgedAt,
      acknowledgedBy: this.acknowledgedBy,
      outcome: this.outcome,
      deadlines: {
        slaDueAt: this.slaDueAt,
        nextReminderAt: this.nextReminderAt,
        escalationRound: this.escalationRound,
      },
      path: this.path.map((p) => ({ ...p })),
    };
  }

  snapshot(nextNodeId: string): HandoffSnapshot {
    return {
      nodeId: nextNodeId,
      visits: { ...this.visits },
      ownerId: this.ownerId,
      heldBy: [...this.heldBy],
      eligibleUserIds: [...this.eligibleUserIds],
      contactedAt: this.contactedAt,
      acknowledgedAt: this.acknowledgedAt,
      acknowledgedBy: this.acknowledgedBy,
      qualification: { ...this.facts.qualification },
    };
  }

  restore(s: HandoffSnapshot): void {
    this.visits = { ...s.visits };
    this.ownerId = s.ownerId;
    this.heldBy = [...s.heldBy];
    this.eligibleUserIds = [...s.eligibleUserIds];
    this.contactedAt = s.contactedAt;
    this.acknowledgedAt = s.acknowledgedAt ?? null;
    this.acknowledgedBy = s.acknowledgedBy ?? null;
    this.facts.qualification = { ...s.qualification };
  }
}
